"""Consultation on a draft: the window on Vietnamese dates, the form and its protections."""

from datetime import date

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from documents.models import Opinion
from portal import personal_data
from tests.documents.conftest import A_HOST, B_HOST, opinion_data
from tests.factories import make_draft, make_unit, vietnam_time

pytestmark = pytest.mark.django_db

THANKS = "Cảm ơn bạn! Ý kiến góp ý của bạn đã được tiếp nhận"
NOT_YET = "Dự thảo này bắt đầu lấy ý kiến từ ngày 01/03/2026"
CLOSED = "Việc lấy ý kiến dự thảo này đã kết thúc ngày 31/03/2026"


@pytest.fixture
def draft(site):
    make_unit()
    return make_draft(
        opens_on=date(2026, 3, 1),
        closes_on=date(2026, 3, 31),
        published_at=vietnam_time(2026, 2, 1),
    )


def post(client, draft, **data):
    return client.post(
        reverse("documents:opinion", args=[draft.slug]), opinion_data(**data)
    )


def travel(instant):
    return time_machine.travel(instant, tick=False)


@pytest.mark.parametrize(
    ("clock", "message"),
    [
        (vietnam_time(2026, 2, 28, 23, 59), NOT_YET),
        (vietnam_time(2026, 3, 1, 0, 1), None),
        (vietnam_time(2026, 3, 31, 23, 59), None),
        (vietnam_time(2026, 4, 1, 0, 1), CLOSED),
    ],
)
def test_the_form_is_shown_only_inside_the_window(client, draft, clock, message):
    """Open from 00:00 on the first day to 23:59 on the last, Vietnamese time."""
    with travel(clock):
        html = client.get(draft.get_absolute_url()).content.decode()
    if message is None:
        assert 'id="opinion-form"' in html
    else:
        assert 'id="opinion-form"' not in html
        assert message in html


@pytest.mark.parametrize(
    ("clock", "status"),
    [
        (vietnam_time(2026, 2, 28, 23, 59), 403),
        (vietnam_time(2026, 3, 1, 0, 1), 302),
        (vietnam_time(2026, 3, 31, 23, 59), 302),
        (vietnam_time(2026, 4, 1, 0, 1), 403),
    ],
)
def test_a_post_outside_the_window_is_refused(client, draft, clock, status):
    with travel(clock):
        response = post(client, draft)
    assert response.status_code == status
    assert Opinion.objects.count() == (1 if status == 302 else 0)


def test_a_valid_opinion_is_kept_with_consent_time_hash_and_e164_phone(client, draft):
    with travel(vietnam_time(2026, 3, 10, 9)):
        response = post(client, draft)
        assert response.url == draft.get_absolute_url() + "#gop-y"
        assert THANKS in client.get(response.url).content.decode()
    opinion = Opinion.objects.get()
    assert opinion.phone == "+84914266628"
    assert opinion.clause == "Điều 5, khoản 2"
    assert opinion.consented_at is not None
    assert len(opinion.address_hash) == 64
    assert opinion.site == draft.site


def test_consent_is_required_and_never_ticked_in_advance(client, draft):
    with travel(vietnam_time(2026, 3, 10, 9)):
        html = client.get(draft.get_absolute_url()).content.decode()
        box = html[
            html.index('name="consent"') - 80 : html.index('name="consent"') + 80
        ]
        assert 'type="checkbox"' in box and "checked" not in box
        response = post(client, draft, consent="")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng đánh dấu ô đồng ý" in html
    assert 'value="Nguyễn Văn An"' in html  # what was typed is kept
    assert not Opinion.objects.exists()


def test_an_email_or_a_phone_is_required(client, draft):
    with travel(vietnam_time(2026, 3, 10, 9)):
        response = post(client, draft, email="", phone="")
    assert "Vui lòng nhập thư điện tử hoặc số điện thoại." in response.content.decode()
    assert not Opinion.objects.exists()


def test_an_email_alone_is_enough(client, draft):
    with travel(vietnam_time(2026, 3, 10, 9)):
        assert post(client, draft, phone="").status_code == 302
    assert Opinion.objects.get().phone == ""


def test_a_wrong_captcha_is_explained_and_nothing_saved(client, draft):
    with travel(vietnam_time(2026, 3, 10, 9)):
        response = post(client, draft, captcha_1="sai")
    assert "Mã xác nhận không đúng hoặc đã hết hạn" in response.content.decode()
    assert not Opinion.objects.exists()


def test_a_bot_filling_the_honeypot_is_thanked_but_nothing_saved(client, draft):
    with travel(vietnam_time(2026, 3, 10, 9)):
        response = post(client, draft, website="http://spam.example")
    assert response.status_code == 302
    assert not Opinion.objects.exists()


@override_settings(CONSULTATION_POST_RATE="2/h")
def test_the_rate_limit_keeps_what_was_typed(client, draft):
    with travel(vietnam_time(2026, 3, 10, 9)):
        assert post(client, draft).status_code == 302
        assert post(client, draft).status_code == 302
        response = post(client, draft, content="Góp ý thứ ba về dự thảo quy chế.")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Bạn đã gửi nhiều ý kiến trong thời gian ngắn" in html
    assert "Góp ý thứ ba về dự thảo quy chế." in html
    assert Opinion.objects.count() == 2


def test_an_invalid_phone_is_explained(client, draft):
    with travel(vietnam_time(2026, 3, 10, 9)):
        response = post(client, draft, phone="12ab")
    assert "Số điện thoại không hợp lệ." in response.content.decode()


def test_what_a_citizen_typed_is_escaped(client, draft):
    with travel(vietnam_time(2026, 3, 10, 9)):
        response = post(
            client, draft, captcha_1="sai", content="<script>alert(1)</script> dài"
        )
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_summary_of_opinions_is_shown_only_after_closing(client, draft):
    draft.feedback_report = "<p>Đã nhận 12 ý kiến, tiếp thu 8 ý kiến.</p>"
    draft.save()
    with travel(vietnam_time(2026, 3, 31, 23, 59)):
        assert (
            "Đã nhận 12 ý kiến"
            not in client.get(draft.get_absolute_url()).content.decode()
        )
    with travel(vietnam_time(2026, 4, 1, 0, 1)):
        html = client.get(draft.get_absolute_url()).content.decode()
    assert "Báo cáo tổng hợp ý kiến" in html and "Đã nhận 12 ý kiến" in html


def test_the_report_is_sanitized(client, draft):
    draft.feedback_report = '<p onclick="x()">Báo cáo</p><script>alert(1)</script>'
    draft.save()
    draft.refresh_from_db()
    assert (
        "script" not in draft.feedback_report and "onclick" not in draft.feedback_report
    )


def test_an_unpublished_draft_takes_no_opinion(client, site):
    make_unit()
    hidden = make_draft(status="draft")
    assert post(client, hidden).status_code == 404


def test_another_units_host_cannot_post_to_a_draft(client, two_sites):
    site, _other = two_sites
    draft = make_draft(site=site)
    url = reverse("documents:opinion", args=[draft.slug])
    assert client.post(url, opinion_data(), HTTP_HOST=B_HOST).status_code == 404
    assert client.post(url, opinion_data(), HTTP_HOST=A_HOST).status_code == 302


def test_opinions_are_registered_personal_data_and_purged(draft):
    opinion = Opinion.objects.create(
        site=draft.site,
        draft=draft,
        name="Nguyễn Văn An",
        email="an@example.vn",
        phone="+84914266628",
        content="Góp ý về dự thảo quy chế.",
        created_at=vietnam_time(2024, 1, 1),
    )
    personal_data.purge_expired()
    opinion.refresh_from_db()
    assert (opinion.name, opinion.email, opinion.phone) == ("", "", "")
    assert opinion.content == "Góp ý về dự thảo quy chế."


def test_the_drafts_list_shows_the_window(client, draft):
    with travel(vietnam_time(2026, 3, 10, 9)):
        html = client.get(reverse("documents:drafts")).content.decode()
    assert draft.title in html and "Đang lấy ý kiến" in html


@pytest.mark.parametrize("count", [1, 5])
def test_the_draft_page_costs_a_constant_number_of_queries(
    client, draft, django_assert_max_num_queries, count
):
    from documents.models import DraftAttachment
    from tests.documents.conftest import PDF
    from tests.factories import upload

    for n in range(count):
        DraftAttachment.objects.create(
            draft=draft, file=upload(f"Dự thảo {n}.pdf", PDF)
        )
    with travel(vietnam_time(2026, 3, 10, 9)):
        client.get(draft.get_absolute_url())
        with django_assert_max_num_queries(10):
            assert client.get(draft.get_absolute_url()).status_code == 200
