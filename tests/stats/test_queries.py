"""What counting and the counter block cost a public page, in queries."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import FIREFOX, make_article, make_category, make_unit

# What making a page costs: the page cache (tests/portal/test_pagecache.py) off.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in context.captured_queries]


def page_urls(count):
    make_unit()
    category = make_category()
    articles = [make_article(category=category) for _ in range(count)]
    return [
        reverse("home"),
        category.get_absolute_url(),
        articles[0].get_absolute_url(),
    ]


@pytest.mark.parametrize("count", [1, 40])
def test_counting_adds_exactly_one_statement_per_page_view(browser, site, count):
    """On vs off: one more query, the counting statement, on every kind of page."""
    for url in page_urls(count):
        browser.get(url)  # steady state: cookie set, caches warm
        on = queries(browser, url)
        with override_settings(STATS_COUNTING=False):
            off = queries(browser, url)
        assert len(on) - len(off) == 1, url
        counting = [sql for sql in on if "stats_" in sql]
        assert (
            len(counting) == 1 and 'INSERT INTO "stats_visitoractivity"' in counting[0]
        )
        assert not any("stats_" in sql for sql in off)


def test_a_new_visitor_costs_the_same_one_statement(site):
    """First page view of a browser (no cookie yet): still one counting query."""
    urls = page_urls(3)
    Client(HTTP_USER_AGENT=FIREFOX).get(urls[2])
    for url in urls:
        on = queries(Client(HTTP_USER_AGENT=FIREFOX + " a"), url)
        with override_settings(STATS_COUNTING=False):
            off = queries(Client(HTTP_USER_AGENT=FIREFOX + " b"), url)
        assert len(on) - len(off) == 1


def test_the_counter_block_costs_one_cache_read_when_warm(browser, site):
    """Warm: one read of the shared cache, no aggregate over the stats tables."""
    for url in page_urls(2):
        browser.get(url)
        with override_settings(STATS_COUNTING=False):
            sqls = queries(browser, url)
        assert len([sql for sql in sqls if "stats:counter:" in sql]) == 1
        assert not any("stats_dailysitestats" in sql for sql in sqls)
