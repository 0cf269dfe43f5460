"""Settings for Veier til samarbeid.

One file; every value that differs between deployments comes from the environment. With no
DATABASE_URL the portal uses an embedded PostgreSQL server kept under .data/ (development and
tests). DEBUG is off unless set: `dev.py` sets DEBUG=1 for its commands, and so do the tests and
manage.py's development-only commands. Production sets SECRET_KEY, SITE_URL, ALLOWED_HOSTS and
DATABASE_URL, and refuses to start without them.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from veier.config import cache_settings

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


# Off unless the environment says otherwise: a server started without configuration must not run
# in development mode with a public secret key.
DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set SECRET_KEY in the environment when DEBUG is off (for development: DEBUG=1, or use dev.py)."
        )
    SECRET_KEY = "development-only-not-secret"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The address in links in e-mails (confirmation, password reset, dialogues). dev.py serve sets it
# from PORT; production must say where the portal is, or nobody could confirm an account.
SITE_URL = os.environ.get("SITE_URL", "")
if not SITE_URL:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set SITE_URL in the environment when DEBUG is off, e.g. SITE_URL=https://veier.example.no: "
            "links in e-mails point there."
        )
    SITE_URL = f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}"
# Brønnøysundregistrene's open API (directory/registers.py); a test double or mirror can stand in.
ENHETSREGISTERET_URL = os.environ.get("ENHETSREGISTERET_URL", "https://data.brreg.no/enhetsregisteret/api")

INSTALLED_APPS = [
    # Before the admin, so that its admin classes can show the languages side by side.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "crispy_forms",
    "csp",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "post_office",
    "veier.apps.VeierConfig",
    "accounts",
    "directory",
    "matchmaking",
    "procurement",
    "agreements",
    "opendata",
]

MIDDLEWARE = [
    # First: every later log line carries the request id, and load balancers' health checks answer
    # before host checks and HTTPS redirects.
    "veier.middleware.RequestIdMiddleware",
    "veier.health.HealthCheckMiddleware",
    "veier.middleware.HeadAsGetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "veier.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 answers for the pages the next one marks as public (outside it, to see its headers).
    "django.middleware.http.ConditionalGetMiddleware",
    # Outside the session, CSRF and message middleware, so that it sees every cookie they set.
    "veier.middleware.PublicCacheHeadersMiddleware",
    "veier.middleware.RejectUnsafeCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "veier.middleware.LanguageCookieMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "veier.middleware.DatabaseUnavailableMiddleware",
]

# How long browsers and proxies may reuse an anonymous page without asking (veier/middleware.py).
PUBLIC_PAGE_MAX_AGE = env_int("PUBLIC_PAGE_MAX_AGE", 60)

ROOT_URLCONF = "veier.urls"
WSGI_APPLICATION = "veier.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "veier.context_processors.operator",
                "veier.fragments.context",
            ],
            # The project's own filters; veier is not an app, so its tag library is named here.
            "libraries": {"content": "veier.templatetags.content", "desk": "veier.templatetags.desk"},
        },
    },
]

# Database: DATABASE_URL when set; otherwise the embedded server, which production refuses.
if os.environ.get("DATABASE_URL"):
    import dj_database_url

    # Health checks: after a database restart a kept connection is found dead and replaced before
    # the request uses it, instead of failing the first request of every worker.
    DATABASES = {"default": dj_database_url.config(conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True)}
elif DEBUG:
    from veier.embedded_db import embedded_database_settings

    DATABASES = {"default": embedded_database_settings()}
else:
    raise ImproperlyConfigured(
        "DEBUG is off and DATABASE_URL is not set. In production, point DATABASE_URL at a "
        "PostgreSQL server, for example postgres://user:password@host:5432/veier."
    )
DATABASES["default"].setdefault("TEST", {})
# Persistent connections are checked before reuse, so a PostgreSQL restart costs the requests that
# were running, not every request that meets a dead connection afterwards.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

# Cache: shared by every app server. CACHE_URL=redis://host:6379/0 (Django's RedisCache) or
# db://table (the database cache; the default in production); locmem:// only while developing.
CACHES = cache_settings(os.environ.get("CACHE_URL", ""), debug=DEBUG)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/konto/logg-inn/"
LOGIN_REDIRECT_URL = "/min-side/"
LOGOUT_REDIRECT_URL = "/"
# Confirmation and password-reset links are valid for three days.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60

# Language: bokmål first; English is a full translation.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")]
# The second fills the Django admin strings Django's own nb and nn catalogues lack (issue 16).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "veier" / "admin_locale"]
FORMAT_MODULE_PATH = ["veier.formats"]
LANGUAGE_COOKIE_NAME = "sprak"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True  # no script reads it; the switcher is a plain form
# Curated content (taxonomies, cases, guidance) is stored in each language (django-modeltranslation,
# registered in each app's translation.py). Bokmål is the original; a field not yet translated shows
# the bokmål text, which templates mark with lang="nb" (the `translated` filter in veier/templatetags).
MODELTRANSLATION_DEFAULT_LANGUAGE = "nb"
MODELTRANSLATION_LANGUAGES = ("nb", "nn", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nb",)
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Open data (opendata/): the read API is public and read-only; anyone may read it from any origin.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "EXCEPTION_HANDLER": "opendata.api.exception_handler",
    # REMOTE_ADDR only: X-Forwarded-For can be written by anyone (see accounts/throttle.py).
    "NUM_PROXIES": 0,
}
# Requests per client (IP address) to the read API; past it, 429 with Retry-After.
API_THROTTLE_RATE = os.environ.get("API_THROTTLE_RATE", "120/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": "Veier til samarbeid – åpne data",
    "DESCRIPTION": "Lese-API for sosiale entreprenører, tilbud, offentlige virksomheter, samarbeidseksempler, "
    "åpne behov og terskelverdier. Data under Norsk lisens for offentlige data (NLOD 2.0).",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "LICENSE": {"name": "NLOD 2.0", "url": "https://data.norge.no/nlod/no/2.0"},
    "COMPONENT_SPLIT_REQUEST": False,
}
CORS_URLS_REGEX = r"^/(api/v1|data)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "Link"]

CRISPY_ALLOWED_TEMPLATE_PACKS = ["designsystemet"]
CRISPY_TEMPLATE_PACK = "designsystemet"

# E-mail is stored first (django-post-office) and sent by the mail worker (`manage.py mail_worker`),
# so a mail server that is down delays mail but loses none. EMAIL_BACKEND is the transport the
# worker uses; Django's own EmailBackend setting points at the queue.
EMAIL_TRANSPORT = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_BACKEND = "post_office.EmailBackend"
POST_OFFICE = {
    "BACKENDS": {"default": EMAIL_TRANSPORT},
    # Queued, for the worker. Only a development machine that prints mail to the console sends at
    # once, so that links in mails show up without a worker running.
    "DEFAULT_PRIORITY": "now" if EMAIL_TRANSPORT.endswith("console.EmailBackend") else "medium",
    "MAX_RETRIES": env_int("EMAIL_MAX_RETRIES", 10),
    # The first retry; the worker doubles the wait for each later one (veier/mail.py: retry_delay).
    "RETRY_INTERVAL": timedelta(minutes=1),
    "LOG_LEVEL": 1,  # log failures only
    "THREADS_PER_PROCESS": 2,
    "BATCH_DELIVERY_TIMEOUT": 120,
    "MESSAGE_ID_ENABLED": True,
}
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Veier til samarbeid <ikke-svar@localhost>")

# Who runs this deployment: shown in every page's footer, the privacy statement (as the controller)
# and the accessibility statement (where to report a barrier). Each deployment fills these in; a
# deploy check (veier.checks) warns when the name or e-mail address is missing.
OPERATOR_NAME = os.environ.get("OPERATOR_NAME", "Veier til samarbeid (utviklingsmiljø)" if DEBUG else "")
OPERATOR_EMAIL = os.environ.get("OPERATOR_EMAIL", "kontakt@localhost" if DEBUG else "")
OPERATOR_PHONE = os.environ.get("OPERATOR_PHONE", "")
OPERATOR_ADDRESS = os.environ.get("OPERATOR_ADDRESS", "")
OPERATOR_URL = os.environ.get("OPERATOR_URL", "")
# The day the accessibility statement's check was last made (ISO date); update it after each check.
ACCESSIBILITY_CHECKED = os.environ.get("ACCESSIBILITY_CHECKED", "2026-11-30")

# Security: strict defaults in production; check --deploy is clean with DEBUG=0.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the language switcher and forms are plain HTML; no JS reads it
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Content-Security-Policy (django-csp): only our own files, no inline script or style, no framing.
# Scripts and styles live in static/; JSON-LD data blocks are not scripts and are not affected.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy (veier.middleware): the portal uses none of these browser features.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Logs: one JSON object a line on standard error, each with the request id (veier/logging.py).
# LOG_FORMAT=text gives plain lines for reading in a terminal.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "veier.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "veier.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text" if os.environ.get("LOG_FORMAT") == "text" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # One line per request (method, path, status, time); ACCESS_LOG=0 turns it off.
        "veier.access": {"level": "INFO" if env_bool("ACCESS_LOG", not DEBUG) else "WARNING"},
    },
}

# The organisation that publishes the open data (DCAT-AP-NO dct:publisher): its organisation number
# makes the publisher the national organisation catalogue's URI; without it, the portal's own.
OPEN_DATA_PUBLISHER_ORGNR = os.environ.get("OPEN_DATA_PUBLISHER_ORGNR", "")
OPEN_DATA_PUBLISHER_NAME = os.environ.get("OPEN_DATA_PUBLISHER_NAME", "Veier til samarbeid")
OPEN_DATA_CONTACT_EMAIL = os.environ.get("OPEN_DATA_CONTACT_EMAIL", "")
