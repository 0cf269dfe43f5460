from django.contrib import admin
from django.urls import include, path

from veier import views

urlpatterns = [
    path("", include("directory.urls")),
    path("", include("procurement.urls")),
    path("", include("accounts.urls")),
    path("", include("directory.member_urls")),
    path("", include("matchmaking.urls")),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
