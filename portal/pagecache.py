"""Public pages from the shared cache, for readers who have nothing of their own.

A citizen reading news without logging in gets the same page as every other
such reader: it is made once a minute per unit and address, then served from
the shared cache (the database cache, or Redis with REDIS_URL: every app
server sees the same entries). What stays exact:

- Counting: this middleware sits inside stats' VisitCounterMiddleware, so a
  page served from the cache is counted like a made one; the object it shows
  (the article whose "Lượt xem" grows) is kept with the entry.
- Freshness: each unit has a state (a token, and the next moment something
  changes by itself: a scheduled publication or end, or midnight in Vietnam),
  read in the same cache round trip as the page. Publishing, withdrawing or
  editing anything (portal.workflow's `transitioned`, and saves of the models
  apps `watch()`), moderating a comment, a vote, a change of the menu or the
  unit's profile, a merger: `forget_site()` drops the state and every page of
  the unit is made again on its next view; so does reaching the moment. What
  changes without any of these ("Lượt xem", the visit counter) lags at most
  PAGE_CACHE_SECONDS.
- Nobody gets someone else's page: a request with a session (staff), with
  messages (a reader who just voted or commented), or with the voter's cookie
  (whose own stars the page shows) is never served from nor stored in the
  cache; neither is a page that used a CSRF token or a CSP nonce (a form, a
  captcha), an answer other than 200 HTML, nor an address with a query string
  beyond page numbers (so random strings cannot fill the cache).
- Crawlers are cheap: they get kept pages, and what is made for them is not
  kept (nothing is written for a crawler's view).

Behind deploy/nginx.conf, a page this cache keeps (or serves) says to nginx,
in `X-Accel-Expires`, that nginx may keep it too, for PROXY_CACHE_SECONDS at
most (nginx cannot be told to forget a page: its copy is short-lived, and
never outlives this cache's). nginx keeps nothing else, and bypasses its cache
for the same cookies as this one.
"""

import hashlib
import logging
import time as clock
import uuid
from datetime import datetime, time, timedelta

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Min, Q
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone

from portal.client import is_bot
from portal.tenancy import set_page_object
from portal.workflow.models import WorkflowModel

logger = logging.getLogger(__name__)

# Query parameters of list pages; any other makes the address uncached.
PAGE_PARAMETERS = {"page", "binh-luan", "sau", "truoc", "tuan"}
NEVER = ("/admin/", "/captcha/", "/ckeditor5/", "/media/", "/static/")
PERSONAL_COOKIES = ("messages", "binh_chon")


def seconds():
    """How long a page is kept (PAGE_CACHE_SECONDS; 0 turns the cache off)."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 60)


def unit_key(site_id):
    return f"page:unit:{site_id}"


def forget_site(site_id):
    """Every cached page of the unit is made again on its next view.

    At once, and again when the transaction commits: a reader who came between
    the two would otherwise have the old page kept for another minute.
    """
    if site_id is None:
        return
    _drop_unit_state(site_id)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _drop_unit_state(site_id))


def _drop_unit_state(site_id):
    try:
        cache.delete(unit_key(site_id))
    except Exception:
        logger.exception("Could not drop the cached pages of unit %s", site_id)


def unit_state(site_id):
    """A new state of the unit's pages: a token its pages are kept under, and
    the next moment something changes by itself (a scheduled publication or end
    of publication, or midnight in Vietnam, when "today" and every date-based
    status move on: a document coming into force, a consultation closing)."""
    now = timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    moments = [
        timezone.make_aware(datetime.combine(tomorrow, time.min)),
    ]
    for model in apps.get_models():
        if issubclass(model, WorkflowModel):
            found = model.objects.filter(site_id=site_id, live=True).aggregate(
                start=Min("published_at", filter=Q(published_at__gt=now)),
                end=Min("expires_at", filter=Q(expires_at__gt=now)),
            )
            moments += [moment for moment in found.values() if moment]
    return {"token": uuid.uuid4().hex, "until": min(moments)}


# model -> how to find an object's unit id (watch()).
_watched = {}


def _site_id(instance):
    return getattr(instance, "site_id", None)


def _changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    try:
        found = _watched[sender](instance)
    except ObjectDoesNotExist:  # its parent went first (a cascade): heard there
        return
    for site_id in found if isinstance(found, (list, tuple, set)) else (found,):
        forget_site(site_id)


def watch(*models, site=_site_id):
    """The unit's pages show objects of these models: a save or a deletion of one
    makes them again. `site` gives an object's unit id (by default its site_id).

    Workflow models are heard without this (they send `transitioned`), but their
    plain saves (a scheduled publication, the demo) need it too.
    """
    for model in models:
        _watched[model] = site
        uid = f"portal.pagecache:{model._meta.label}"
        # Per model: a receiver for every sender would stop Django's fast deletes.
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)


def page_key(request):
    address = f"{request.get_host()}|{request.get_full_path()}"
    return f"page:{request.site.pk}:{hashlib.sha256(address.encode()).hexdigest()}"


def cacheable_request(request):
    if request.method != "GET" or getattr(request, "site", None) is None:
        return False
    if request.path.startswith(NEVER):
        return False
    if not set(request.GET) <= PAGE_PARAMETERS:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies:
        return False
    return not any(name in cookies for name in PERSONAL_COOKIES)


def cacheable_response(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies or response.has_header("Cache-Control"):
        return False  # a cookie of its own, or a view that said how to cache it
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get(
        "CSRF_COOKIE_USED"
    ):
        return False  # the page holds a CSRF token (a form)
    return getattr(request, "_csp_nonce", None) is None


def crawler(request):
    """Crawlers read from the cache but leave nothing in it: a search engine
    walking 10,000 articles must not write 10,000 rows (the database cache)
    nor push out the pages people read."""
    return is_bot(request.headers.get("User-Agent", ""))


class AnonymousPageCacheMiddleware:
    """Serve and keep public pages in the shared cache (see the module's doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not seconds() or not cacheable_request(request):
            return self.get_response(request)
        site_id = request.site.pk
        key, state_key = page_key(request), unit_key(site_id)
        try:
            found = cache.get_many([key, state_key])
        except Exception:
            logger.exception("Reading the page cache failed")
            return self.get_response(request)
        state, entry = found.get(state_key), found.get(key)
        if state is not None and timezone.now() >= state["until"]:
            state = None  # something scheduled happened: every page is made again
        if state is not None and entry is not None and entry["token"] == state["token"]:
            return self.replay(request, entry)
        response = self.get_response(request)
        if cacheable_response(request, response) and not crawler(request):
            if state is None:
                state = unit_state(site_id)
                self.set(state_key, state, None)
            self.keep(request, response, key, state)
        return response

    def set(self, key, value, timeout):
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.exception("Keeping a page in the cache failed")

    def keep(self, request, response, key, state):
        shown = getattr(request, "page_object", None)
        left = (state["until"] - timezone.now()).total_seconds()
        kept_for = max(1, min(seconds(), int(left)))
        entry = {
            "token": state["token"],
            "content": response.content,
            "content_type": response["Content-Type"],
            "language": response.get("Content-Language"),
            "shown": (shown._meta.label, shown.pk) if shown is not None else None,
            "expires": clock.time() + kept_for,
        }
        self.set(key, entry, kept_for)
        allow_proxy(response, kept_for)

    def replay(self, request, entry):
        if entry["shown"] is not None:
            # What the page shows, for the counting around us (by id only).
            label, pk = entry["shown"]
            set_page_object(request, apps.get_model(label)(pk=pk))
        response = HttpResponse(entry["content"], content_type=entry["content_type"])
        if entry["language"]:
            response["Content-Language"] = entry["language"]
        allow_proxy(response, entry.get("expires", 0) - clock.time())
        return response


def allow_proxy(response, left):
    """nginx may keep the page for PROXY_CACHE_SECONDS, or what is left of our
    copy's life if that is shorter: its copy never outlives ours."""
    proxy_seconds = min(settings.PROXY_CACHE_SECONDS, int(left))
    if proxy_seconds > 0:
        response["X-Accel-Expires"] = str(proxy_seconds)
