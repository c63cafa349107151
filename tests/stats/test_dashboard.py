"""The statistics dashboard at /admin/thong-ke/: who sees it, ranges, CSV, lists."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from portal.models import Membership
from stats.models import DailyArticleViews, DailyReferrer, DailySiteStats
from tests.factories import A_HOST, login_verified, make_article
from tests.reading import definitions, heading, page, table_rows

pytestmark = pytest.mark.django_db
URL = reverse_lazy("stats:dashboard")


@pytest.fixture
def other(two_sites, client):
    """The second unit; the dashboard is read on the first one's host."""
    client.defaults["HTTP_HOST"] = A_HOST
    return two_sites[1]


@pytest.fixture
def viewer(site, django_user_model):
    """Staff of the default site allowed to read the statistics."""
    user = django_user_model.objects.create_user("thongke", is_staff=True)
    Membership.objects.create(site=site, user=user, role=Membership.Role.UNIT_ADMIN)
    return user


def day(offset):
    return timezone.localdate() - timedelta(days=offset)


def add_day(site, offset, visits, page_views, mobile=0):
    return DailySiteStats.objects.create(
        site=site,
        date=day(offset),
        visits=visits,
        page_views=page_views,
        mobile_visits=mobile,
    )


def test_anonymous_users_are_sent_to_the_login(client, site):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_the_permission_are_refused(client, staff_user):
    login_verified(client, staff_user)
    assert client.get(URL).status_code == 403


def test_staff_with_the_permission_see_their_site(client, site, viewer):
    add_day(site, 0, 12, 40)
    login_verified(client, viewer)
    response = client.get(URL)
    assert response.status_code == 200
    shown = page(response)
    assert heading(response) == "Thống kê truy cập"
    assert shown.find("div", id="user-tools")  # the admin's chrome
    chart = shown.find("figure", class_="stats-chart")
    assert chart.find("title").text == "Lượt truy cập và lượt xem trang theo ngày"
    totals = definitions(shown.find("dl", class_="stats-totals"))
    assert (totals["Lượt truy cập"], totals["Lượt xem trang"]) == ("12", "40")
    rows = table_rows(shown.find("details", class_="stats-table"))
    assert rows[-1] == [f"{day(0):%d/%m/%Y}", "12", "40", "0"]
    assert len(rows) == 30


def test_the_chart_has_a_bar_a_day_with_plain_svg_numbers(client, site, viewer):
    """SVG coordinates are never localized (no 12,5 nor 1.000 in attributes)."""
    add_day(site, 0, 1234, 5678)
    add_day(site, 3, 10, 20)
    login_verified(client, viewer)
    shown = page(client.get(URL, {"days": 7}))
    chart = shown.find("figure", class_="stats-chart").find("svg")
    bars = chart.find_all("rect", class_="bar")
    assert len(bars) == 7
    for bar in bars:
        assert all(float(bar.attrs[name]) >= 0 for name in ("x", "y", "width"))
    assert float(bars[-1].attrs["y"]) < float(bars[3].attrs["y"])  # the tallest
    # What people read is localized: the tooltip and the axis labels.
    assert bars[-1].find("title").text == f"{day(0):%d/%m/%Y}: 1.234 / 5.678"
    assert "10.000" in [label.text for label in chart.find_all("text", class_="axis")]


def test_the_admin_index_links_to_the_dashboard_only_for_readers(
    client, viewer, staff_user
):
    entry = reverse("admin:stats_dailysitestats_changelist")
    login_verified(client, viewer)
    assert entry.encode() in client.get(reverse("admin:index")).content
    assert client.get(entry)["Location"] == URL
    login_verified(client, staff_user)
    assert entry.encode() not in client.get(reverse("admin:index")).content
    assert client.get(entry).status_code == 403


def test_the_default_period_is_thirty_days_and_presets_choose_others(
    client, site, viewer
):
    add_day(site, 0, 1, 1)
    add_day(site, 6, 2, 2)
    add_day(site, 29, 4, 4)
    add_day(site, 89, 8, 8)
    add_day(site, 200, 16, 16)
    login_verified(client, viewer)
    for query, visits, days in [
        ("", 7, 30),
        ("?days=7", 3, 7),
        ("?days=30", 7, 30),
        ("?days=90", 15, 90),
    ]:
        context = client.get(URL + query).context
        assert context["totals"]["visits"] == visits, query
        assert len(context["days"]) == days


def test_a_custom_range_in_dd_mm_yyyy(client, site, viewer):
    add_day(site, 10, 5, 9)
    add_day(site, 11, 6, 9)
    add_day(site, 12, 7, 9)
    login_verified(client, viewer)
    context = client.get(
        URL, {"start": f"{day(11):%d/%m/%Y}", "end": f"{day(10):%d/%m/%Y}"}
    ).context
    assert (context["start"], context["end"]) == (day(11), day(10))
    assert context["totals"]["visits"] == 11


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("31/02/2024", "01/03/2024", "Nhập ngày hợp lệ theo dạng dd/mm/yyyy"),
        ("2024-01-01", "02/01/2024", "Nhập ngày hợp lệ theo dạng dd/mm/yyyy"),
        ("05/01/2024", "01/01/2024", "Ngày bắt đầu sau ngày kết thúc."),
        ("05/01/2024", "", "Nhập cả ngày bắt đầu và ngày kết thúc."),
        ("01/01/2020", "01/01/2024", "Khoảng thời gian dài tối đa 731 ngày."),
    ],
)
def test_invalid_dates_get_a_vietnamese_error(client, viewer, start, end, message):
    login_verified(client, viewer)
    response = client.get(URL, {"start": start, "end": end})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(response.context["days"]) == 30  # falls back to the default


def test_csv_has_a_bom_a_vietnamese_header_and_dd_mm_yyyy_rows(client, site, viewer):
    add_day(site, 1, 3, 10, mobile=1)
    login_verified(client, viewer)
    response = client.get(URL, {"days": 7, "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    assert rows[0] == [
        "Ngày",
        "Lượt truy cập",
        "Lượt xem trang",
        "Lượt truy cập từ di động",
    ]
    assert len(rows) == 8
    assert [f"{day(1):%d/%m/%Y}", "3", "10", "1"] in rows
    assert rows[1][0] == f"{day(6):%d/%m/%Y}"


def test_most_read_articles_referrers_and_mobile_share(client, site, viewer):
    read_most = make_article(title="Bài được đọc nhiều nhất")
    other = make_article(title="Bài khác")
    old = make_article(title="Bài cũ ngoài khoảng")
    for article, offset, views in [
        (read_most, 0, 5),
        (read_most, 1, 5),
        (other, 0, 7),
        (old, 60, 100),
    ]:
        DailyArticleViews.objects.create(
            site=site, article=article, date=day(offset), views=views
        )
    DailyReferrer.objects.create(
        site=site, date=day(0), host="www.google.com", visits=4
    )
    DailyReferrer.objects.create(site=site, date=day(2), host="zalo.me", visits=9)
    add_day(site, 0, 4, 4, mobile=3)
    login_verified(client, viewer)
    context = client.get(URL).context
    assert [a["article__title"] for a in context["articles"]] == [
        "Bài được đọc nhiều nhất",
        "Bài khác",
    ]
    assert context["articles"][0]["views"] == 10
    assert [r["host"] for r in context["referrers"]] == ["zalo.me", "www.google.com"]
    assert (context["totals"]["mobile_share"], context["totals"]["desktop_share"]) == (
        75,
        25,
    )


def test_staff_see_only_their_site_and_cannot_switch(client, site, other, viewer):
    add_day(other, 0, 99, 99)
    add_day(site, 0, 1, 1)
    login_verified(client, viewer)
    context = client.get(URL, {"site": other.pk}).context
    assert context["stats_site"] == site
    assert context["totals"]["visits"] == 1
    assert context["sites"] is None


def test_a_superuser_switches_sites(client, site, other, admin_user):
    add_day(other, 0, 99, 99)
    add_day(site, 0, 1, 1)
    login_verified(client, admin_user)
    response = client.get(URL, {"site": other.pk})
    assert response.context["totals"]["visits"] == 99
    assert "Xã Vĩnh Tế" in response.content.decode()
    assert client.get(URL, {"site": 999999}).status_code == 404
