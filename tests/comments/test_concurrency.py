"""Votes arriving at the same moment, on real connections (committed transactions)."""

import threading

import pytest
from django.db import connection

from comments import services
from comments.feedback import rating_summary
from comments.models import Rating
from tests.factories import make_article

THREADS = 10


def at_once(calls):
    """Run the callables in threads released together; each closes its connection."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # re-raised below, in the test's thread
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in results:
        if isinstance(result, Exception):
            raise result
    return results


@pytest.fixture
def article(transactional_db):
    return make_article()


def vote_call(article, voter, stars):
    return lambda: services.rating_vote(
        article=article, voter=voter, address_hash="", stars=stars
    )


def test_ten_voters_at_once_are_all_counted(article):
    at_once([vote_call(article, f"voter-{n}", n % 5 + 1) for n in range(THREADS)])
    summary = rating_summary(article)
    assert summary.total == THREADS
    assert summary.counts == {n: 2 for n in range(1, 6)}


def test_one_voter_from_many_threads_keeps_one_row(article):
    stars = [n % 5 + 1 for n in range(THREADS)]
    at_once(
        [vote_call(article, "same-voter", s) for s in stars]
        + [vote_call(article, f"other-{n}", 3) for n in range(THREADS)]
    )
    mine = Rating.objects.filter(article=article, voter="same-voter")
    assert mine.count() == 1
    assert mine.get().stars in stars
    summary = rating_summary(article)
    assert summary.total == THREADS + 1
    assert summary.counts[3] == THREADS + (mine.get().stars == 3)


def http_vote(base, article, stars, cookies=None, user_agent=None):
    """One visitor over real HTTP, as the script votes: the vote URL gives a CSRF
    token (JSON) for the POST."""
    import http.cookiejar
    import json
    import urllib.parse
    import urllib.request

    jar = cookies if cookies is not None else http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    if user_agent:
        opener.addheaders = [("User-Agent", user_agent)]
    asked = urllib.request.Request(
        base + f"/tin-tuc/{article.slug}/danh-gia/",
        headers={"X-Requested-With": "XMLHttpRequest", "Accept": "application/json"},
    )
    token = json.loads(opener.open(asked).read())["csrf"]
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "stars": stars})
    request = urllib.request.Request(
        base + f"/tin-tuc/{article.slug}/danh-gia/",
        data=body.encode(),
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    return opener.open(request).status


def test_votes_over_http_on_a_threaded_gunicorn(article):
    from tests.live import gunicorn

    with gunicorn(workers=2, threads=4, COMMENTS_VOTE_RATE="1000/h") as base:
        # Ten people: without a cookie, one address and browser is one voter a
        # day (issue 9), so each has a browser of their own.
        statuses = at_once(
            [
                lambda n=n: http_vote(base, article, 4, user_agent=f"Mozilla/5.0 ({n})")
                for n in range(THREADS)
            ]
        )
    assert statuses == [200] * THREADS
    assert Rating.objects.filter(article=article, stars=4).count() == THREADS
