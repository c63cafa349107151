"""The tracking code (mã tra cứu): the asker's only key to their question."""

import pytest
from django.urls import reverse

from tests.factories import make_question

pytestmark = pytest.mark.django_db

TRACK = reverse("questions:track")


def look_up(client, code):
    return client.post(TRACK, {"ma": code})


@pytest.mark.parametrize("typed", ["{code}", "{lower}", "{dashed}", " {spaced} "])
def test_the_code_may_be_typed_loosely(client, site, typed):
    question = make_question(answered=False)
    code = question.tracking_code
    typed = typed.format(
        code=code,
        lower=code.lower(),
        dashed=question.tracking_code_display,
        spaced=f"{code[:4]} {code[4:]}",
    )
    html = look_up(client, typed).content.decode()
    assert question.title in html
    assert 'data-state="received"' in html


def test_a_malformed_code_is_explained(client, site):
    html = look_up(client, "ABC").content.decode()
    assert "Mã tra cứu gồm 8 chữ cái và chữ số" in html
    assert 'aria-invalid="true"' in html


def test_the_code_stays_out_of_the_address(client, site):
    """Codes are sent by POST: no code in URLs, logs or Referer headers."""
    html = client.get(TRACK).content.decode()
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    question = make_question(answered=False)
    assert (
        question.title
        not in client.get(TRACK, {"ma": question.tracking_code}).content.decode()
    )


def test_trying_codes_is_held_back_even_for_a_good_code(client, site, settings):
    settings.QUESTIONS_LOOKUP_RATE = "3/h"
    question = make_question(answered=False)
    for _ in range(3):
        assert look_up(client, "ABCDEFGH").status_code == 200
    assert look_up(client, "ABCDEFGH").status_code == 429
    response = look_up(client, question.tracking_code)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Có quá nhiều lượt tra cứu" in html
    assert question.title not in html


def test_an_asker_checking_their_good_code_is_never_held_back(client, site, settings):
    settings.QUESTIONS_LOOKUP_RATE = "2/h"
    question = make_question(answered=False)
    for _ in range(5):
        assert look_up(client, question.tracking_code).status_code == 200


def test_an_answered_question_links_its_answer(client, site):
    question = make_question()
    html = look_up(client, question.tracking_code).content.decode()
    assert 'data-state="answered"' in html
    assert f'href="{question.get_absolute_url()}"' in html


@pytest.mark.parametrize("count", [1, 30])
def test_a_look_up_runs_a_constant_number_of_queries(
    client, site, django_assert_max_num_queries, count
):
    """10 plus the rate limit's read; with the database cache that read is six
    queries (add + get), with Redis none."""
    questions = [make_question() for _ in range(count)]
    look_up(client, questions[0].tracking_code)
    with django_assert_max_num_queries(11):
        assert look_up(client, questions[-1].tracking_code).status_code == 200
