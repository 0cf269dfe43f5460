from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageCookieMiddleware:
    """Bokmål unless the visitor has chosen another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so most visitors with an
    English-language browser would get the English translation of a Norwegian public service. Here
    only the explicit choice (the language cookie) counts.

    The read API (paths under /api/) is used by programs, which have no cookie: there the standard
    Accept-Language header chooses the language of the text fields, and the response varies by it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        is_api = request.path.startswith("/api/")
        if language not in self.supported:
            language = translation.get_language_from_request(request) if is_api else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Override, not activate: the thread's language is put back after the response, so that
        # code running later in the same thread (a test creating model rows with translated
        # fields, which modeltranslation writes in the active language) is not left in this one.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie", "Accept-Language"] if is_api else ["Cookie"])
        return response
