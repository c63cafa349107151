"""Who is posting: salted hashes of the address and of a random cookie id.

The address is REMOTE_ADDR. The project has no trusted-proxy setting, so behind a
reverse proxy every visitor shares the proxy's address: configure the proxy (or a
WSGI middleware) to put the client's address into REMOTE_ADDR. Reading
X-Forwarded-For here would let anyone forge an address and dodge the limits.
"""

import hashlib
import secrets

from django.conf import settings

VOTER_COOKIE = "binh_chon"
VOTER_COOKIE_SALT = "comments.voter"
VOTER_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600


def salted_hash(value):
    return hashlib.sha256((settings.VISITOR_HASH_SALT + value).encode()).hexdigest()


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def address_hash(request):
    return salted_hash(client_address(request))


def ratelimit_key(group, request):
    """django-ratelimit key: the salted address hash, so the cache holds no IPs."""
    return address_hash(request)


def voter_cookie_id(request):
    """The random id of the visitor's signed cookie, or None (absent or forged)."""
    return request.get_signed_cookie(VOTER_COOKIE, None, salt=VOTER_COOKIE_SALT)


def new_voter_id():
    return secrets.token_urlsafe(18)


def voter_hash(voter_id):
    return salted_hash("voter:" + voter_id) if voter_id else None


def remember_voter(response, voter_id):
    response.set_signed_cookie(
        VOTER_COOKIE,
        voter_id,
        salt=VOTER_COOKIE_SALT,
        max_age=VOTER_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=not settings.DEBUG,
    )
