from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageCookieMiddleware:
    """Bokmål unless the visitor has chosen another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so most visitors with an
    English-language browser would get the English translation of a Norwegian public service. Here
    only the explicit choice (the language cookie) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response
