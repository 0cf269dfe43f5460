from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("directory.urls")),
    path("", include("procurement.urls")),
    path("", include("accounts.urls")),
    path("", include("directory.member_urls")),
    path("", include("matchmaking.urls")),
    path("", include("agreements.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
