"""Settings for the portal, read from the environment (see README.md)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


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
    "django.contrib.humanize",
    "django_ckeditor_5",
    "imagekit",
    "captcha",
    "portal",
    "portal.audit",
    "portal.workflow",
    "portal.mergers",
    "articles",
    "comments",
    "stats",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.SiteMiddleware",
    "portal.mergers.middleware.UnitRedirectMiddleware",
    "stats.middleware.VisitCounterMiddleware",
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

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_PREFIX", "portal"),
        }
    }
else:
    # Shared by every app server; `manage.py createcachetable` makes its table.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
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
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# Uploads: Pillow checks every image; these bound what it will even look at.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
IMAGE_MAX_BYTES = int(os.environ.get("IMAGE_MAX_BYTES", 10 * 1024 * 1024))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 40_000_000))
IMAGE_MAX_SIDE = 10_000

# The renditions are made when the source is saved, so rendering a page never
# checks storage or a cache for them.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"

LOGIN_URL = "admin:login"

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

from portal.settings_editor import *  # noqa: E402,F403

# --- Access statistics (stats app) -------------------------------------------
# Counting can be switched off (the benchmark compares both); "redis" counts in
# Redis and `manage.py stats_rollup` flushes to PostgreSQL, which stays the record.
STATS_COUNTING = env_bool("STATS_COUNTING", True)
STATS_BACKEND = os.environ.get("STATS_BACKEND", "db")
STATS_REDIS_URL = os.environ.get("STATS_REDIS_URL", REDIS_URL)
if STATS_BACKEND not in {"db", "redis"}:
    raise ImproperlyConfigured("STATS_BACKEND must be 'db' or 'redis'.")
if STATS_BACKEND == "redis" and not STATS_REDIS_URL:
    raise ImproperlyConfigured("STATS_BACKEND=redis needs REDIS_URL.")
STATS_VISIT_MINUTES = int(os.environ.get("STATS_VISIT_MINUTES", 30))
STATS_ONLINE_MINUTES = int(os.environ.get("STATS_ONLINE_MINUTES", 5))
STATS_COUNTER_CACHE_SECONDS = min(60, int(os.environ.get("STATS_COUNTER_CACHE", 60)))
STATS_RETENTION_DAYS = int(os.environ.get("STATS_RETENTION_DAYS", 400))
STATS_ACTIVITY_KEEP_HOURS = int(os.environ.get("STATS_ACTIVITY_KEEP_HOURS", 26))
# Counting commits without waiting for the WAL flush: the hot per-day row is
# locked for microseconds, not for an fsync. A crash of PostgreSQL (not a
# restart) may lose the last ~0.6 s of counts; nothing else is affected.
STATS_ASYNC_COMMIT = env_bool("STATS_ASYNC_COMMIT", True)

# --- comments app: captcha and abuse limits (comments/) ---------------------------
CAPTCHA_TIMEOUT = 10  # minutes a captcha key stays valid; each key works once
CAPTCHA_FONT_SIZE = 28
# django-ratelimit counts in the default (shared) cache, per salted address hash.
# The database cache increments by read-then-write, so a burst may let one or two
# extra posts through; with REDIS_URL set the counting is atomic.
COMMENTS_POST_RATE = os.environ.get("COMMENTS_POST_RATE", "5/10m")
COMMENTS_VOTE_RATE = os.environ.get("COMMENTS_VOTE_RATE", "30/h")
