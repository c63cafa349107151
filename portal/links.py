"""Addresses of objects by slug, without a full `reverse()` for each one.

A page lists many articles (other news, a category page, the home page's
sections), and Django's reverse() costs tens of microseconds each: it matches
the arguments against every possible pattern. An address by slug is the same
pattern with the slug put in, so the pattern is reversed once per URLconf and
script prefix, with a placeholder, and the slug replaces it.
"""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

# A valid slug (so reverse() accepts it) that no real address contains.
PLACEHOLDER = "0slug0placeholder0"


@lru_cache(maxsize=64)
def _pattern(viewname, urlconf, prefix):
    return reverse(viewname, kwargs={"slug": PLACEHOLDER}, urlconf=urlconf)


def slug_url(viewname, slug):
    """reverse(viewname, kwargs={"slug": slug}), for a slug reverse() accepts."""
    return _pattern(viewname, get_urlconf(), get_script_prefix()).replace(
        PLACEHOLDER, slug, 1
    )
