"""Who is posting: salted hashes of the address and of a random cookie id.

The address comes from portal.client.client_address: REMOTE_ADDR, or the header a
trusted reverse proxy writes (CLIENT_IP_HEADER). It is only ever stored hashed.
"""

import secrets

from django.conf import settings

from portal.client import client_address, salted_hash

VOTER_COOKIE = "binh_chon"
VOTER_COOKIE_SALT = "comments.voter"
VOTER_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600


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
    return salted_hash("voter", voter_id) if voter_id else None


def remember_voter(response, voter_id):
    response.set_signed_cookie(
        VOTER_COOKIE,
        voter_id,
        salt=VOTER_COOKIE_SALT,
        max_age=VOTER_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        # Like the session cookie: HTTPS-only unless DEBUG.
        secure=settings.SESSION_COOKIE_SECURE,
    )
