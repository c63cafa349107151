"""Settings for the test suite: the real stack, a fast password hasher."""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-use-0123456789")

from portal.settings import *  # noqa: E402,F403
from portal.settings import BASE_DIR  # noqa: E402

# Several test runs may share one server (CI, parallel work): name the test database.
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DB_NAME", "test_portal")}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost", ".example.test"]
# One folder per xdist worker: each removes its own when its session ends.
MEDIA_ROOT = (
    BASE_DIR / "var" / "test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA = True
CAPTCHA_TEST_MODE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
