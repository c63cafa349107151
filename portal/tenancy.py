"""Units (sites) and the people who work for them: the layer every app builds on.

A unit is a `django.contrib.sites` Site, resolved from the request's host by
portal.middleware.SiteMiddleware. Every content row belongs to one site; every
QuerySet of such rows inherits `for_site()` from here, so "rows of this unit" is
written once.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models

from portal.text import slugify_vi

# The unit the current request is for (set by SiteMiddleware for the request's
# lifetime): what a permission check without an object is about. A context
# variable, not a thread-local, so it is reset exactly when the request ends.
_current_site = ContextVar("portal_current_site", default=None)


class SiteQuerySet(models.QuerySet):
    def for_site(self, site):
        """The rows of one unit (a Site or its id)."""
        return self.filter(site=site)


def unique_slug(model, site_id, text, pk=None, fallback="bai-viet"):
    """The slug of `text`, with -2, -3… appended when the unit already uses it."""
    base = slugify_vi(text)[:300] or fallback
    taken = set(
        model.objects.filter(site_id=site_id, slug__startswith=base)
        .exclude(pk=pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def user_can_manage_site(user, site):
    """Superusers manage every unit; other active staff the units they belong to."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    cache = user.__dict__.setdefault("_portal_member_of", {})
    if site.pk not in cache:
        cache[site.pk] = user.memberships.filter(site=site).exists()
    return cache[site.pk]


def set_page_object(request, obj):
    """Record the public object a page shows (an article, a document…).

    Apps below and beside the content apps (stats counts views of it) read
    `request.page_object` without the content app knowing about them.
    """
    request.page_object = obj


def page_object(request):
    return getattr(request, "page_object", None)


def current_site():
    """The unit of the request being served, or None outside a request."""
    return _current_site.get()


@contextmanager
def site_context(site):
    """Make `site` the current unit inside the block (requests, commands, tests)."""
    token = _current_site.set(site)
    try:
        yield site
    finally:
        _current_site.reset(token)
