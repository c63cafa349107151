import json
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from comments import services
from comments.feedback import rating_summary
from comments.models import Rating
from tests.factories import A_HOST, B_HOST, make_article, make_category, rate_url

pytestmark = pytest.mark.django_db


def vote(client, article, stars, **headers):
    return client.post(rate_url(article), {"stars": stars}, **headers)


def test_nobody_rated_shows_the_invitation_and_zero_counts(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Mời bạn là người đầu tiên xếp hạng và nhận xét" in html
    assert html.count("(0)") >= 5
    for n in range(1, 6):
        assert f'data-star-count="{n}">(0)<' in html
        assert f"{n} sao" in html


def test_counts_and_average_with_a_decimal_comma(client, article):
    for n, stars in enumerate([5, 4, 4]):
        services.rating_vote(
            article=article, voter=f"v{n}", address_hash="a", stars=stars
        )
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'data-star-count="4">(2)<' in html
    assert 'data-star-count="5">(1)<' in html
    assert "4,3/5" in html and "3 lượt đánh giá" in html
    assert "người đầu tiên" not in html


def test_vote_redirects_to_the_rating_block_with_thanks_and_sets_a_cookie(
    client, article, settings
):
    settings.SESSION_COOKIE_SECURE = True  # as in production (tests run on HTTP)
    response = vote(client, article, 4)
    assert response.status_code == 302
    assert response.url == article.get_absolute_url() + "#danh-gia"
    cookie = response.cookies["binh_chon"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["secure"]
    assert int(cookie["max-age"]) > 365 * 24 * 3600
    html = client.get(response.url).content.decode()
    assert "Cảm ơn bạn đã đánh giá" in html
    assert 'data-star-count="4">(1)<' in html


def test_voting_again_changes_the_vote(client, article):
    vote(client, article, 2)
    vote(client, article, 5)
    assert list(Rating.objects.values_list("stars", flat=True)) == [5]
    summary = rating_summary(article)
    assert summary.counts == {1: 0, 2: 0, 3: 0, 4: 0, 5: 1}


def test_a_new_visitor_adds_a_vote(client, article, django_user_model):
    from django.test import Client

    vote(client, article, 2)
    # Another person: another address (the same address and browser without a
    # cookie is the same day's voter, issue 9).
    vote(Client(REMOTE_ADDR="203.0.113.7"), article, 4)
    assert rating_summary(article).total == 2


def test_raw_address_is_never_stored(client, article):
    vote(client, article, 3, REMOTE_ADDR="203.0.113.9")
    rating = Rating.objects.get()
    assert "203.0.113.9" not in (rating.voter + rating.address_hash)
    assert len(rating.address_hash) == 64


def test_json_vote_answers_the_new_summary(client, article):
    response = vote(client, article, 5, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["counts"]["5"] == 1 and data["total"] == 1 and data["mine"] == 5
    assert data["average"] == "5,0"
    assert data["message"] == "Cảm ơn bạn đã đánh giá."
    assert "5,0/5" in data["summary"]


@pytest.mark.parametrize("stars", ["0", "6", "abc", ""])
def test_invalid_stars_are_refused(client, article, stars):
    response = vote(client, article, stars, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert not Rating.objects.exists()


def test_service_refuses_stars_out_of_range(article):
    with pytest.raises(ValueError):
        services.rating_vote(article=article, voter="v", address_hash="", stars=6)


def test_only_published_articles_can_be_rated(client, article):
    draft = make_article(status=Article.Status.DRAFT)
    future = make_article(published_at=timezone.now() + timedelta(days=1))
    assert vote(client, draft, 4).status_code == 404
    assert vote(client, future, 4).status_code == 404
    assert client.put(rate_url(article)).status_code == 405
    assert not Rating.objects.exists()


def test_an_article_of_another_site_cannot_be_rated_from_this_host(client, two_sites):
    site_a, site_b = two_sites
    theirs = make_article(category=make_category(site=site_a))
    assert vote(client, theirs, 4, HTTP_HOST=B_HOST).status_code == 404
    assert vote(client, theirs, 4, HTTP_HOST=A_HOST).status_code == 302
    assert Rating.objects.count() == 1


def test_votes_are_rate_limited_per_address(client, article, settings):
    from django.test import Client

    settings.COMMENTS_VOTE_RATE = "3/h"
    for _ in range(3):  # cookie-less visitors, as if the cookie were cleared
        assert vote(Client(), article, 4).status_code == 302
    response = vote(Client(), article, 1)
    assert response.status_code == 429
    assert "Có quá nhiều lượt đánh giá" in response.content.decode()
    limited = vote(Client(), article, 1, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert limited.status_code == 429
    assert "Có quá nhiều lượt đánh giá" in limited.json()["error"]
    assert Rating.objects.filter(stars=1).count() == 0
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert vote(other, article, 1).status_code == 302


def test_the_readers_own_vote_lights_its_stars_and_no_one_elses(client, article):
    from django.test import Client

    from tests.reading import page

    def stars(html):
        buttons = page(html).find_all("button", class_="rating__star")
        return [
            (b.attrs["aria-pressed"], "rating__star--on" in b.attrs["class"])
            for b in buttons
        ]

    vote(client, article, 3)
    mine = stars(client.get(article.get_absolute_url()).content.decode())
    assert mine == [("false", True)] * 2 + [("true", True)] + [("false", False)] * 2
    theirs = stars(Client().get(article.get_absolute_url()).content.decode())
    assert theirs == [("false", False)] * 5
