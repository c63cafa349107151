"""Settings for the portal, read from the environment (see README.md)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from comments import conf as comments_conf
from portal import conf as portal_conf
from portal import settings_editor
from stats import conf as stats_conf

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from None


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-DEBUG-mode"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django_ckeditor_5",
    "imagekit",
    "captcha",
    "portal.apps.AxesConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "portal",
    "portal.audit",
    "portal.workflow",
    "portal.menu",
    "portal.search_index",
    "portal.mergers",
    "articles",
    "pages",
    "comments",
    "stats",
    "organisation",
    "questions",
    "schedule",
    "documents",
    "procedures",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.headers.PermissionsPolicyMiddleware",
    "portal.headers.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.staff_sessions.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.SiteMiddleware",
    "portal.middleware.RejectHostileInputMiddleware",
    "stats.middleware.VisitCounterMiddleware",
    # Inside the counting: a page from the cache is counted like a made one.
    # Before the mergers' redirects: a cached page needs no look at the unit's
    # history (a merger makes every page of the unit again).
    "portal.pagecache.AnonymousPageCacheMiddleware",
    "portal.mergers.middleware.UnitRedirectMiddleware",
    # Last, as django-axes requires: turns its lockout into our 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.unit",
                "stats.context_processors.counter",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default="postgres:///portal",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("The portal runs on PostgreSQL only.")
# psycopg 3 binds parameters on the server and prepares a statement once it has
# run DB_PREPARE_THRESHOLD times on a connection: planning was most of the time
# of the article page's statements (0.28 of 0.33 ms for the article itself).
# Empty turns preparing off (a pooler in transaction mode, like pgbouncer's,
# cannot keep prepared statements).
_prepare = os.environ.get("DB_PREPARE_THRESHOLD", "5")
DATABASES["default"].setdefault("OPTIONS", {}).update(
    server_side_binding=True, prepare_threshold=int(_prepare) if _prepare else None
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": portal_conf.redis_cache(
            REDIS_URL, os.environ.get("CACHE_PREFIX", "portal")
        )
    }
else:
    # Shared by every app server; `manage.py createcachetable` makes its table.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            # Pages of every unit are kept here (portal/pagecache.py): the
            # default 300 entries would be culled all the time.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Another origin (https://media.other-domain.vn/) keeps uploads away from cookies.
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "portal.static_storage.StaticStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# The renditions are made when the source is saved, so rendering a page never
# checks storage or a cache for them.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"

LOGIN_URL = "admin:login"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
LOGIN_REDIRECT_URL = "admin:index"  # staff land on the admin, not /accounts/profile/

# --- Staff login: lockout and second factor (portal/login_protection.py,
# portal/two_factor.py) ------------------------------------------------------------
# Axes first (it refuses locked-out logins); then the password check, whose
# permissions are those of the staff member's role in the request's unit.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "portal.backends.UnitRoleBackend",
]
# A user name, and separately an address, is locked after this many failures.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "portal.login_protection.PortalAxesHandler"
AXES_CLIENT_IP_CALLABLE = "portal.login_protection.address_pseudonym"
AXES_LOCKOUT_CALLABLE = "portal.login_protection.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # successful logins are in the audit log
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token", "csrfmiddlewaretoken"]
AXES_VERBOSE = False
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Cổng thông tin")
# Staff sessions (portal/staff_sessions.py): logged out after this much quiet,
# and this long after login whatever they do.
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", 30))
STAFF_SESSION_MAX_HOURS = int(os.environ.get("STAFF_SESSION_MAX_HOURS", 10))
ADMIN_LOGIN_PATH = "/admin/login/"


# Security: strict by default when DEBUG is off; each can be relaxed by env.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (portal/headers.py): scripts from our origin or with
# the request's nonce; images also from MEDIA_URL when it is another origin.
_MEDIA_ORIGIN = (
    ["/".join(MEDIA_URL.split("/")[:3])] if MEDIA_URL.startswith("http") else []
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGIN],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SESSION_COOKIE_HTTPONLY = True

# The request header a trusted reverse proxy puts the client's address in (e.g.
# HTTP_X_REAL_IP); empty: REMOTE_ADDR. Used for rate limits and salted hashes only.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# Salt for the hashes that stand in for visitors' addresses (never stored raw).
VISITOR_HASH_SALT = os.environ.get("VISITOR_HASH_SALT", SECRET_KEY)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- App settings: each app holds its defaults (<app>/conf.py) and rejects bad
# values in `manage.py check` (<app>/checks.py); the environment overrides them.
# Editor uploads and covers (portal/images.py).
IMAGE_MAX_BYTES = env_int("IMAGE_MAX_BYTES", portal_conf.MAX_BYTES)
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", portal_conf.MAX_PIXELS)
IMAGE_MAX_SIDE = env_int("IMAGE_MAX_SIDE", portal_conf.MAX_SIDE)

# Public pages of readers without a session are kept this long in the shared
# cache (portal/pagecache.py); 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
# Behind deploy/nginx.conf, nginx may keep the pages this cache keeps for this
# long too (X-Accel-Expires; it cannot be told to forget a page, so 2 s at
# most is advised). 0: nginx keeps nothing. Views nginx answers never reach the
# app: stats.E007 asks for STATS_COUNTED_BY=access_log with it.
PROXY_CACHE_SECONDS = env_int("PROXY_CACHE_SECONDS", 0)

# Access statistics (stats/conf.py says what each one does).
STATS_COUNTING = env_bool("STATS_COUNTING", stats_conf.COUNTING)
STATS_BACKEND = os.environ.get("STATS_BACKEND", stats_conf.BACKEND)
STATS_REDIS_URL = os.environ.get("STATS_REDIS_URL", REDIS_URL)
STATS_COUNTED_BY = os.environ.get("STATS_COUNTED_BY", stats_conf.COUNTED_BY)
STATS_LOG_PATH = str(BASE_DIR / os.environ.get("STATS_LOG_PATH", stats_conf.LOG_PATH))
STATS_VISIT_MINUTES = env_int("STATS_VISIT_MINUTES", stats_conf.VISIT_MINUTES)
STATS_ONLINE_MINUTES = env_int("STATS_ONLINE_MINUTES", stats_conf.ONLINE_MINUTES)
STATS_COUNTER_CACHE_SECONDS = env_int(
    "STATS_COUNTER_CACHE_SECONDS", stats_conf.COUNTER_CACHE_SECONDS
)
STATS_RETENTION_DAYS = env_int("STATS_RETENTION_DAYS", stats_conf.RETENTION_DAYS)
STATS_ACTIVITY_KEEP_HOURS = env_int(
    "STATS_ACTIVITY_KEEP_HOURS", stats_conf.ACTIVITY_KEEP_HOURS
)
STATS_ASYNC_COMMIT = env_bool("STATS_ASYNC_COMMIT", stats_conf.ASYNC_COMMIT)

# Comments and votes per address (comments/conf.py).
COMMENTS_POST_RATE = os.environ.get("COMMENTS_POST_RATE", comments_conf.POST_RATE)
COMMENTS_VOTE_RATE = os.environ.get("COMMENTS_VOTE_RATE", comments_conf.VOTE_RATE)

# The rich-text editor staff write in (django-ckeditor-5).
CKEDITOR_5_CONFIGS = settings_editor.CKEDITOR_5_CONFIGS
CKEDITOR_5_UPLOAD_FILE_TYPES = settings_editor.CKEDITOR_5_UPLOAD_FILE_TYPES

# django-simple-captcha (portal/citizen.py).
CAPTCHA_TIMEOUT = 10  # minutes a captcha key stays valid; each key works once
CAPTCHA_FONT_SIZE = 28
# --- questions app (hỏi đáp): limits per salted address hash ------------------
QUESTIONS_ASK_RATE = os.environ.get("QUESTIONS_ASK_RATE", "3/h")
QUESTIONS_LOOKUP_RATE = os.environ.get("QUESTIONS_LOOKUP_RATE", "20/h")  # misses only
# --- documents and procedures (documents/, procedures/) ----------------------
# Largest attachment of a legal document or draft (PDF, Office, ZIP).
DOCUMENT_ATTACHMENT_MAX_BYTES = int(
    os.environ.get("DOCUMENT_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
)
# Citizens' opinions on a draft, per address (django-ratelimit, shared cache).
CONSULTATION_POST_RATE = os.environ.get("CONSULTATION_POST_RATE", "5/10m")
# --- E-mail: workflow notifications (portal/workflow/notifications.py) ------------
# EMAIL_BACKEND takes a dotted path or one of the short names below; the console
# (mails printed to the server's output) is the default with DEBUG=1.
EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "console" if DEBUG else "smtp")
EMAIL_BACKEND = EMAIL_BACKENDS.get(EMAIL_BACKEND, EMAIL_BACKEND)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 10))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Audit log (portal/audit/) ----------------------------------------------------
# Entries are kept at least two years (Law 148/2025 Art. 8 §6); `manage.py
# audit_trim` deletes older ones.
AUDIT_MIN_RETENTION_DAYS = 730
AUDIT_RETENTION_DAYS = int(
    os.environ.get("AUDIT_RETENTION_DAYS", AUDIT_MIN_RETENTION_DAYS)
)
if AUDIT_RETENTION_DAYS < AUDIT_MIN_RETENTION_DAYS:
    raise ImproperlyConfigured(
        f"AUDIT_RETENTION_DAYS must be at least {AUDIT_MIN_RETENTION_DAYS} (two years)."
    )
