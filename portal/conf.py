"""Settings of the shared pieces in portal/ and their defaults.

portal/settings.py sets IMAGE_<NAME> from the environment variable of the same
name, falling back to <NAME> here; portal/checks.py rejects bad values.
"""

# Uploads: Pillow checks every image; these bound what it will even look at.
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a decompression bomb is refused before decoding
MAX_SIDE = 10_000


def redis_cache(url, prefix="portal"):
    """The shared cache on Redis (REDIS_URL). Redis going away must not take the
    portal with it: django-redis then answers every read with a miss and drops
    writes (IGNORE_EXCEPTIONS), and pages are made from the database."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
