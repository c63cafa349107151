"""vn_date and vn_datetime: Django's `date:"d/m/Y"` and `date:"H:i d/m/Y"`, faster,
in Vietnamese local time at every boundary (midnight, month and year ends, 29/02)."""

from datetime import UTC, date, datetime

import pytest
from django.template.defaultfilters import date as django_date
from django.utils import timezone

from portal.templatetags.portal_tags import vn_date, vn_datetime
from tests.factories import make_article, vietnam_time

INSTANTS = [
    datetime(2026, 12, 31, 16, 59, 59, tzinfo=UTC),  # 23:59:59 on 31/12 in Vietnam
    datetime(2026, 12, 31, 17, 0, tzinfo=UTC),  # 00:00 on 01/01/2027 in Vietnam
    datetime(2028, 2, 28, 17, 30, tzinfo=UTC),  # 00:30 on 29/02/2028
    datetime(2028, 2, 29, 17, 0, tzinfo=UTC),  # 00:00 on 01/03/2028
    datetime(2026, 11, 30, 18, 5, tzinfo=UTC),  # 01:05 on 01/12
    vietnam_time(2026, 1, 1, 0, 0),
    vietnam_time(2026, 7, 4, 9, 7),
]


@pytest.mark.parametrize("instant", INSTANTS)
def test_they_write_what_djangos_date_filter_writes(instant):
    local = timezone.template_localtime(instant)
    assert vn_date(instant) == django_date(local, "d/m/Y")
    assert vn_datetime(instant) == django_date(local, "H:i d/m/Y")


def test_the_vietnamese_day_not_the_utc_day():
    instant = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)
    assert vn_date(instant) == "01/01/2027"
    assert vn_datetime(instant) == "00:30 01/01/2027"
    assert vn_date(datetime(2028, 2, 28, 17, 0, tzinfo=UTC)) == "29/02/2028"


def test_dates_naive_times_and_nothing():
    assert vn_date(date(2028, 2, 29)) == "29/02/2028"
    assert vn_datetime(date(2028, 2, 29)) == "29/02/2028"
    assert vn_datetime(datetime(2026, 3, 5, 7, 4)) == "07:04 05/03/2026"
    assert vn_date(None) == vn_datetime(None) == ""
    assert vn_date("") == vn_date("không phải ngày") == ""


@pytest.mark.django_db
def test_an_article_published_just_after_midnight_shows_its_vietnamese_date(client):
    article = make_article(published_at=datetime(2025, 12, 31, 17, 30, tzinfo=UTC))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "00:30 01/01/2026" in html
    assert "31/12/2025" not in html
