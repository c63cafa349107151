"""Who a visitor is, as far as the portal may know: an address, only ever hashed."""

import hashlib
import hmac
import re
from functools import lru_cache

from crawlerdetect import CrawlerDetect
from django.conf import settings

# crawlerdetect knows thousands of crawlers, previewers and HTTP libraries
# (HeadlessChrome, curl, Wget, Python's clients, ApacheBench…). Ours adds only what
# it lets through: wrk (our benchmarks) and no User-Agent at all. HeadlessChrome
# stays uncounted on purpose: it is a scraper's browser and our browser tests'.
CRAWLERS = CrawlerDetect()
NOT_A_BROWSER_RE = re.compile(r"^\s*$|^wrk\b", re.IGNORECASE)
# No browser sends more, and crawlerdetect's patterns take time that grows with the
# square of the length (3 s for 8 KB): longer strings are not looked at.
MAX_USER_AGENT = 512


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


@lru_cache(maxsize=2048)
def is_bot(user_agent):
    """A crawler, a script or no browser at all (cached: ~0.1 ms per new string)."""
    if len(user_agent) > MAX_USER_AGENT or NOT_A_BROWSER_RE.search(user_agent):
        return True
    return CRAWLERS.is_crawler(user_agent)
