from django.http import HttpResponse
from django.urls import path

from veier.urls import urlpatterns as portal_urlpatterns


def bare(request):
    """The framework's ceiling: the whole middleware stack, no template, no query."""
    return HttpResponse("ok")


urlpatterns = [path("__bare__/", bare), *portal_urlpatterns]
