from django.urls import path

from matchmaking import views

app_name = "matchmaking"

# Full paths: the project includes this module at the root (path("", include("matchmaking.urls"))).
urlpatterns = [
    path("behov/", views.need_list, name="need-list"),
    path("behov/ny/", views.need_create, name="need-create"),
    path("behov/<int:pk>/", views.need_detail, name="need-detail"),
    path("behov/<int:pk>/rediger/", views.need_edit, name="need-edit"),
    path("behov/<int:pk>/status/", views.need_status, name="need-status"),
    path("behov/<int:pk>/treff/", views.need_matches, name="need-matches"),
    path("behov/<int:pk>/svar/", views.need_answer, name="need-answer"),
    path("behov/<int:pk>/inviter/<slug:slug>/", views.need_invite, name="need-invite"),
    path("behov/<int:pk>/dialog/<int:interest_pk>/melding/", views.interest_message, name="interest-message"),
    path("behov/<int:pk>/dialog/<int:interest_pk>/status/", views.interest_state, name="interest-state"),
    path("varsler/", views.alert_settings, name="alert-settings"),
    path("varsler/avmeld/<str:token>/", views.alert_unsubscribe, name="alert-unsubscribe"),
]
