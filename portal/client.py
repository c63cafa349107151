"""The visitor's network address, for rate limits and salted visitor hashes only."""

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
