from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from veier.history import history_csv

urlpatterns = [
    path("", include("directory.urls")),
    path("", include("procurement.urls")),
    path("", include("accounts.urls")),
    path("", include("directory.member_urls")),
    path("", include("matchmaking.urls")),
    path("", include("agreements.urls")),
    path("", include("opendata.urls")),
    path("admin/beslutninger.csv", admin.site.admin_view(history_csv), name="decision-history"),
    # The language switcher is on every page. Without a CSRF token it leaves anonymous pages the same
    # for every visitor, so browsers and proxies may keep them; a forged switch can only change the
    # language of someone's pages, which they can change back.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
