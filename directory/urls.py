from django.urls import path

from directory import contact_views, views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("entreprenorer/", views.entrepreneur_list, name="entrepreneur-list"),
    path("entreprenorer/<slug:slug>/", views.entrepreneur_detail, name="entrepreneur-detail"),
    path("entreprenorer/<slug:slug>/kontakt/", contact_views.entrepreneur_contact, name="entrepreneur-contact"),
    path("entreprenorer/<slug:slug>/varsle-meg/", contact_views.entrepreneur_watch, name="entrepreneur-watch"),
    path("virksomheter/", views.body_list, name="body-list"),
    path("virksomheter/<slug:slug>/", views.body_detail, name="body-detail"),
    path("virksomheter/<slug:slug>/kontakt/", contact_views.body_contact, name="body-contact"),
    path("virksomheter/<slug:slug>/varsle-meg/", contact_views.body_watch, name="body-watch"),
    path("eksempler/", views.case_list, name="case-list"),
    path("eksempler/<slug:slug>/", views.case_detail, name="case-detail"),
]
