from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from veier import views
from veier.history import history_csv

# The site name in the admin's titles too.
admin.site.site_title = _("Veier til samarbeid")
admin.site.site_header = _("Veier til samarbeid – administrasjon")


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
    # language of someone's pages (and of their e-mails), which they can change back.
    path("i18n/setlang/", csrf_exempt(views.set_language), name="set_language"),
    path("personvern/", views.privacy, name="privacy"),
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
    # Browsers ask for /favicon.ico whatever the page links to.
    path("favicon.ico", views.favicon),
    path("admin/", admin.site.urls),
]
