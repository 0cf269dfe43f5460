from django.urls import path

from procurement import views

app_name = "procurement"

# Full paths: the project includes this module at the root (path("", include("procurement.urls"))).
urlpatterns = [
    path("anskaffelser/", views.guide, name="guide"),
    path("anskaffelser/terskelverdier/", views.thresholds, name="thresholds"),
    path("anskaffelser/ordliste/", views.glossary, name="glossary"),
    path("anskaffelser/veiledning/", views.guidance_list, name="guidance-list"),
    path("anskaffelser/veiledning/<slug:slug>/", views.guidance_detail, name="guidance-detail"),
    path("api/v1/anskaffelser/regime", views.api_regime, name="api-regime"),
]
