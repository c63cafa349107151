"""Who is voting: a salted hash of a random id kept in a signed cookie.

The sender's address is hashed by portal.citizen.address_hash, as for every
citizen's form.
"""

from django.conf import settings
from django.utils import timezone

from portal.client import client_address, salted_hash

VOTER_COOKIE = "binh_chon"
VOTER_COOKIE_SALT = "comments.voter"
VOTER_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600


def voter_cookie_id(request):
    """The random id of the visitor's signed cookie, or None (absent or forged)."""
    return request.get_signed_cookie(VOTER_COOKIE, None, salt=VOTER_COOKIE_SALT)


def daily_voter_id(request):
    """The voter without a cookie: one per address and browser and day.

    As the visitor counter does: a script that drops cookies cannot become a new
    voter with every request; the id is then kept in the cookie.
    """
    return salted_hash(
        "daily-voter",
        timezone.localdate().isoformat(),
        client_address(request),
        request.headers.get("User-Agent", ""),
    )[:24]


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
