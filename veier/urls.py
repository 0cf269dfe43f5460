from django.contrib import admin
from django.urls import include, path

from veier.history import history_csv

urlpatterns = [
    path("", include("directory.urls")),
    path("", include("procurement.urls")),
    path("", include("accounts.urls")),
    path("", include("directory.member_urls")),
    path("", include("matchmaking.urls")),
    path("", include("agreements.urls")),
    path("", include("opendata.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/beslutninger.csv", admin.site.admin_view(history_csv), name="decision-history"),
    path("admin/", admin.site.urls),
]
