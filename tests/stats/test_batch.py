"""A batch of views (stats/batch.py) leaves the rows one statement per view leaves.

Random but repeatable sequences of browsers: new ones without the cookie, ones
whose cookie comes back (in the same batch or a later one), ones that refuse
cookies; gaps shorter and longer than a visit, midnight in Vietnam, phones,
referrers, articles of the unit and of another unit.
"""

import random
import secrets
from datetime import timedelta

import pytest
from django.db import transaction

from articles.models import Article
from stats import batch
from stats.counting import PageView
from stats.models import (
    DailyArticleViews,
    DailyReferrer,
    DailySiteStats,
    FirstView,
    VisitorActivity,
)
from stats.services import record_page_view
from tests.factories import make_article, make_site, vietnam_time

pytestmark = pytest.mark.django_db


def sequence(seed, sites, articles, length=300):
    rng = random.Random(seed)
    now = vietnam_time(2026, 12, 31, 22, 0)
    browsers = []
    views = []
    for _ in range(length):
        if not browsers or rng.random() < 0.3:
            browsers.append(
                {
                    "site": rng.choice(sites).pk,
                    "name": secrets.token_hex(4),
                    "cookie": None,
                    "keeps": rng.random() < 0.7,
                    "mobile": rng.random() < 0.4,
                }
            )
        browser = rng.choice(browsers)
        now += timedelta(seconds=rng.choice([1, 5, 60, 600, 1500, 1900, 4000]))
        if browser["cookie"]:
            visitor, new_cookie = browser["cookie"], None
        else:
            visitor = f"{browser['name']}-{now.date()}"  # the daily hash's stand-in
            new_cookie = secrets.token_hex(16)
            if browser["keeps"]:
                browser["cookie"] = new_cookie
        view = PageView(
            site_id=browser["site"],
            visitor=visitor,
            new_cookie=new_cookie,
            is_mobile=browser["mobile"],
            article_id=rng.choice([None, *[article.pk for article in articles]]),
            referrer_host=rng.choice([None, None, "www.google.com", "facebook.com"]),
        )
        views.append((view, now))
    return views


def rows():
    return {
        "activity": set(
            VisitorActivity.objects.values_list(
                "site", "visitor", "last_seen", "visit_started", "visit_page_views",
                "is_mobile",
            )
        ),
        "first": set(
            FirstView.objects.values_list(
                "site", "cookie_key", "daily_key", "seen_at", "date", "started_visit"
            )
        ),
        "days": set(
            DailySiteStats.objects.values_list(
                "site", "date", "visits", "page_views", "mobile_visits"
            )
        ),
        "articles": set(
            DailyArticleViews.objects.values_list("site", "article", "date", "views")
        ),
        "referrers": set(
            DailyReferrer.objects.values_list("site", "date", "host", "visits")
        ),
        "view_counts": set(Article.objects.values_list("pk", "view_count")),
    }  # fmt: skip


def forget():
    for model in (VisitorActivity, FirstView, DailySiteStats, DailyArticleViews):
        model.objects.all().delete()
    DailyReferrer.objects.all().delete()
    Article.objects.update(view_count=0)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("size", [1, 7, 300])
def test_a_batch_counts_as_one_statement_per_view_counts(site, seed, size):
    other = make_site("vinhte.example.test")
    articles = [make_article(), make_article(), make_article(site=other)]
    views = sequence(seed, [site, other], articles)
    for view, now in views:
        record_page_view(view, now=now)
    expected = rows()
    assert expected["first"] and expected["days"]  # the sequence has both kinds
    forget()
    for start in range(0, len(views), size):
        with transaction.atomic():
            batch.record(views[start : start + size])
    assert rows() == expected
