from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("entreprenorer/", views.entrepreneur_list, name="entrepreneur-list"),
    path("entreprenorer/<slug:slug>/", views.entrepreneur_detail, name="entrepreneur-detail"),
    path("virksomheter/", views.body_list, name="body-list"),
    path("virksomheter/<slug:slug>/", views.body_detail, name="body-detail"),
    path("eksempler/", views.case_list, name="case-list"),
    path("eksempler/<slug:slug>/", views.case_detail, name="case-detail"),
]
