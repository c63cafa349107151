"""Citizens' contacts are erased after the unit's retention period; the text stays."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from comments.models import Comment
from portal.phone import display_phone, normalize_phone
from tests.factories import (
    make_article,
    make_comment,
    make_site,
    make_unit,
    vietnam_time,
)

pytestmark = pytest.mark.django_db


def purge(*args):
    out = StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def comment_sent(article, when, phone="+84914266628"):
    with time_machine.travel(when, tick=False):
        return make_comment(article, phone=phone)


def test_phones_older_than_the_period_are_erased_and_the_comment_stays(site):
    make_unit(personal_data_retention_months=12)
    article = make_article()
    now = vietnam_time(2026, 11, 24, 9)
    old = comment_sent(article, now - timedelta(days=31 * 12 + 1))
    recent = comment_sent(article, now - timedelta(days=300))
    with time_machine.travel(now, tick=False):
        assert "Would erase personal data of 1" in purge("--dry-run")
        assert Comment.objects.get(pk=old.pk).phone == "+84914266628"
        assert "Erased personal data of 1" in purge()
        assert "Erased personal data of 0" in purge()  # idempotent
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.phone == "" and old.name and old.content  # the public text stays
    assert recent.phone == "+84914266628"


def test_each_unit_keeps_data_for_its_own_period(site):
    other = make_site("khac.example.test")
    make_unit(personal_data_retention_months=1)
    make_unit(site=other, personal_data_retention_months=24)
    now = vietnam_time(2026, 11, 24, 9)
    here = comment_sent(make_article(), now - timedelta(days=40))
    there = comment_sent(make_article(site=other), now - timedelta(days=40))
    with time_machine.travel(now, tick=False):
        purge()
    here.refresh_from_db()
    there.refresh_from_db()
    assert (here.phone, there.phone) == ("", "+84914266628")


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("0914.266.628", "+84914266628", "0914 266 628"),
        ("(+84) 914 266 628", "+84914266628", "0914 266 628"),
        ("84914266628", "+84914266628", "0914 266 628"),
        ("0208 3855 123", "+842083855123", "0208 3855 123"),
        ("", "", ""),
    ],
)
def test_phone_numbers_are_stored_as_e164_and_shown_national(typed, stored, shown):
    assert normalize_phone(typed) == stored
    assert display_phone(stored) == shown
