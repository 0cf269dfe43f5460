from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from opendata import api, views

app_name = "opendata"

# Full paths: the project includes this module at the root. API paths have no trailing slash, like
# /api/v1/anskaffelser/regime.
urlpatterns = [
    path("api/", views.api_page, name="api"),
    path("api/v1/openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("api/v1/entreprenorer", api.EntrepreneurList.as_view(), name="api-entreprenorer"),
    path("api/v1/entreprenorer/<slug:slug>", api.EntrepreneurDetail.as_view(), name="api-entreprenor"),
    path("api/v1/tilbud", api.OfferList.as_view(), name="api-tilbud"),
    path("api/v1/virksomheter", api.PublicBodyList.as_view(), name="api-virksomheter"),
    path("api/v1/eksempler", api.CaseList.as_view(), name="api-eksempler"),
    path("api/v1/behov", api.NeedList.as_view(), name="api-behov"),
    path("api/v1/terskelverdier", api.ThresholdList.as_view(), name="api-terskelverdier"),
    path("data/", views.data_page, name="data"),
    path("data/katalog.ttl", views.catalogue_turtle, name="catalogue-ttl"),
    path("data/katalog.jsonld", views.catalogue_jsonld, name="catalogue-jsonld"),
    path("data/<slug:slug>.<str:format>", views.download, name="download"),
]
