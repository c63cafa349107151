"""What counts as a page view, and who the visitor is (without keeping who they are).

Decree 13/2023/NĐ-CP: no IP address and no User-Agent string is stored. A visitor
is a key: the random key in the signed first-party cookie `vid` when the browser
sends it, otherwise the daily hash, an HMAC of (day, address, User-Agent) that
changes every day. A request without the cookie is counted under the daily hash
and given a fresh random key; stats/__init__.py says how the two are joined when
the cookie comes back. The device class (mobile or not) is derived from the
User-Agent at count time; only that boolean is kept.
"""

import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port
from django.utils import timezone

from articles.models import Article
from portal.client import client_address, is_bot, salted_hash
from portal.tenancy import page_object

COOKIE_NAME = "vid"
# ".2": cookies given before keys were random held the daily hash, shared by every
# phone behind one carrier address; they are ignored, so each gets its own key.
COOKIE_SALT = "stats.visitor.2"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
KEY_LENGTH = 32

# Not pages a citizen reads: the admin, files, feeds, machine-read documents.
EXCLUDED_PREFIXES = (
    "/admin/",
    "/static/",
    "/media/",
    "/captcha/",
    "/ckeditor5/",
    "/rss",
    "/sitemap",
    "/robots.txt",
    "/favicon",
    "/.well-known/",
)

KEY_RE = re.compile(r"[0-9a-f]{%s}" % KEY_LENGTH)  # noqa: UP031
# Phones and tablets. One boolean is all the dashboard keeps, so a rule (tested
# on real User-Agents in tests/stats/test_user_agents.py) rather than a parser.
MOBILE_RE = re.compile(r"mobile|android|iphone|ipod|ipad|opera mini|iemobile", re.I)


@dataclass(frozen=True)
class PageView:
    site_id: int
    visitor: str  # the key counted under: the cookie's, else the daily hash
    new_cookie: str | None  # a fresh random key to send as the cookie
    is_mobile: bool
    article_id: int | None
    referrer_host: str | None


def is_countable_page(request, response):
    """A public HTML page served with 200 to a GET: counted if a person asked."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if getattr(request, "site", None) is None:
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    return response.get("Content-Type", "").startswith("text/html")


def is_person(user_agent, purpose):
    """Neither a crawler nor a speculative prefetch (a page that may never be
    shown); `purpose` is the Sec-Purpose or Purpose header."""
    return "prefetch" not in purpose.lower() and not is_bot(user_agent)


def is_countable(request, response):
    """A public HTML page served with 200 to a GET of a person's browser."""
    headers = request.headers
    return is_countable_page(request, response) and is_person(
        headers.get("User-Agent", ""),
        headers.get("Sec-Purpose", headers.get("Purpose", "")),
    )


def is_mobile(user_agent):
    return bool(MOBILE_RE.search(user_agent))


def daily_hash(address, user_agent, day):
    """The stand-in for a visitor without a cookie; another key every day."""
    return salted_hash(day.isoformat(), address, user_agent)[:KEY_LENGTH]


def visitor_key(request, now):
    """(key, new_cookie): the cookie's key; else the daily hash and a fresh key."""
    key = request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT)
    if key and KEY_RE.fullmatch(key):
        return key, None
    address = client_address(request)  # only ever hashed
    user_agent = request.headers.get("User-Agent", "")
    daily = daily_hash(address, user_agent, timezone.localdate(now))
    return daily, secrets.token_hex(KEY_LENGTH // 2)


def referrer_host(request):
    own, _port = split_domain_port(request.get_host())
    return external_host(request.headers.get("Referer", ""), own)


def external_host(referer, own):
    """The host of an external Referer (never its path or query), else None."""
    if not referer:
        return None
    try:
        host = (urlsplit(referer).hostname or "").lower()
    except ValueError:
        return None
    if not host or host == own or len(host) > 253:
        return None
    return host


def shown_article_id(request):
    shown = page_object(request)
    return shown.pk if isinstance(shown, Article) else None


def page_view(request, now):
    key, new_cookie = visitor_key(request, now)
    return PageView(
        site_id=request.site.pk,
        visitor=key,
        new_cookie=new_cookie,
        is_mobile=is_mobile(request.headers.get("User-Agent", "")),
        article_id=shown_article_id(request),
        referrer_host=referrer_host(request),
    )


def set_visitor_cookie(response, key):
    response.set_signed_cookie(
        COOKIE_NAME,
        key,
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        # Follows the session cookie: secure unless DEBUG (or plain-HTTP tests).
        secure=settings.SESSION_COOKIE_SECURE,
    )
