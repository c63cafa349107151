"""Who a visitor is, as far as the portal may know: an address, only ever hashed."""

import hashlib
import hmac

from django.conf import settings


def client_address(request):
    """REMOTE_ADDR, or the header a trusted reverse proxy sets (CLIENT_IP_HEADER).

    Behind a proxy REMOTE_ADDR is the proxy's own address, so every visitor would
    share one rate limit and one hash. Only a header the proxy itself writes may be
    trusted; of a list (X-Forwarded-For) the last entry is the one it appended —
    earlier entries come from the client and can be forged.
    """
    header = settings.CLIENT_IP_HEADER
    if header:
        value = request.META.get(header, "").split(",")[-1].strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR", "")


def salted_hash(*parts):
    """HMAC-SHA256 of the parts keyed by VISITOR_HASH_SALT, as 64 hex digits.

    What the portal stores instead of an address or a cookie id (Decree 13/2023):
    stable for equal input, useless for recovering it without the salt.
    """
    message = "|".join(str(part) for part in parts).encode()
    return hmac.new(
        settings.VISITOR_HASH_SALT.encode(), message, hashlib.sha256
    ).hexdigest()
