"""One search over every registered kind: accents, ranking, filter, marks, pages."""

import re

import pytest
from django.urls import reverse

from articles.models import Article, Category
from portal import search
from portal.search_index.indexing import reindex
from tests.factories import make_article, make_category, make_page, make_site
from tests.reading import page

pytestmark = pytest.mark.django_db


def find(client, q, **params):
    return client.get("/tim-kiem/", {"q": q, **params})


def titles(response):
    return [entry.title for entry in response.context["results"].page]


@pytest.fixture
def categories_source():
    """A kind no app offers, registered by the test: the registry is all it takes."""
    search.register(
        search.SearchSource(
            kind="chuyen-muc",
            label="Chuyên mục",
            model=Category,
            queryset=lambda site: Category.objects.for_site(site),
            title=lambda category: category.name,
            text=lambda category: "",
            date=lambda category: None,
            order=90,
        )
    )
    yield
    search._sources.pop("chuyen-muc")


def test_search_without_accents_finds_accented_titles(client, site):
    """'dang uy' finds 'Đảng ủy'."""
    make_article(title="Đảng ủy xã Vĩnh Tế sơ kết quý I", lead="")
    make_article(title="Trao học bổng khuyến học", lead="")
    response = find(client, "dang uy")
    assert titles(response) == ["Đảng ủy xã Vĩnh Tế sơ kết quý I"]
    assert "1 kết quả" in response.content.decode()


def test_capitals_and_accents_make_no_difference(client, site):
    """'ĐẢNG ỦY' and 'dang uy' find the same article."""
    make_article(title="Đảng ủy xã Vĩnh Tế sơ kết quý I", lead="")
    assert titles(find(client, "ĐẢNG ỦY")) == titles(find(client, "dang uy"))
    assert titles(find(client, "ĐẢNG ỦY")) == ["Đảng ủy xã Vĩnh Tế sơ kết quý I"]


def test_search_finds_articles_and_pages_together(client, site):
    """Every registered kind answers one query."""
    make_article(title="Hội nghị tiếp công dân", lead="")
    make_page(title="Lịch tiếp công dân của lãnh đạo phường")
    response = find(client, "tiep cong dan")
    assert sorted(titles(response)) == [
        "Hội nghị tiếp công dân",
        "Lịch tiếp công dân của lãnh đạo phường",
    ]


def test_search_hides_drafts_expired_and_other_sites(client, site):
    """Only what the unit's public may read now."""
    site.domain = "testserver"
    site.save()
    make_article(title="Hội nghị nháp", status=Article.Status.DRAFT)
    make_page(title="Hội nghị trang nháp", status="draft")
    make_article(
        category=make_category(site=make_site("xa-khac.example.test")),
        title="Hội nghị xã khác",
    )
    from django.utils import timezone

    make_article(title="Hội nghị hết hạn", expires_at=timezone.now())
    assert titles(find(client, "hoi nghi")) == []


def test_empty_search_shows_the_form_only(client, site):
    """No query: the form, no results, no query to the index."""
    response = client.get("/tim-kiem/")
    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'for="search-page-q"' in response.content.decode()


def test_punctuation_only_finds_nothing_without_an_error(client, site):
    """A query with no words answers 0 results."""
    make_article(title="Hội nghị")
    response = find(client, "!!! ???")
    assert response.status_code == 200
    assert "0 kết quả" in response.content.decode()


def test_a_registered_source_is_searched_with_no_change_to_the_search(
    client, site, categories_source
):
    """A fake kind registered by the test is indexed, found and filterable."""
    make_category(name="Cải cách hành chính")
    make_article(title="Cải cách hành chính năm 2022", lead="")
    reindex()
    response = find(client, "cai cach hanh chinh", loai="chuyen-muc")
    assert titles(response) == ["Cải cách hành chính"]
    assert response.context["results"].page[0].kind_label == "Chuyên mục"


def test_the_kind_filter_keeps_one_kind_and_counts_each(client, site):
    """The filter lists every kind with its number of matches."""
    make_article(title="Quy chế dân chủ ở cơ sở", lead="")
    make_page(title="Quy chế làm việc")
    response = find(client, "quy che", loai="trang")
    assert titles(response) == ["Quy chế làm việc"]
    html = response.content.decode()
    assert re.search(r'loai=tin-tuc">Tin tức \(1\)</a>', html)
    assert re.search(r'loai=trang" aria-current="page">Trang \(1\)</a>', html)
    assert re.search(r'href="\?q=quy\+che">Tất cả \(2\)</a>', html)


def test_an_unknown_kind_searches_everything(client, site):
    """A stale or crafted kind is ignored rather than answered with nothing."""
    make_article(title="Quy chế dân chủ", lead="")
    assert titles(find(client, "quy che", loai="khong-co")) == ["Quy chế dân chủ"]


def test_title_matches_rank_above_text_matches(client, site):
    """The article about the subject comes before one that mentions it."""
    make_article(
        title="Trao học bổng",
        lead="",
        body="<p>Nhân dịp khai giảng, xây dựng Đảng.</p>",
    )
    make_article(title="Công tác xây dựng Đảng năm 2021", lead="")
    assert titles(find(client, "xay dung dang"))[0] == "Công tác xây dựng Đảng năm 2021"


def test_words_together_rank_above_words_apart(client, site):
    """'tiep dan' as a phrase outranks the two words far apart."""
    make_article(
        title="Thông báo",
        lead="",
        body="<p>Tiếp nhận hồ sơ của người dân tại bộ phận một cửa.</p>",
    )
    make_article(title="Thông báo lịch", lead="", body="<p>Lịch tiếp dân tháng 5.</p>")
    assert titles(find(client, "tiep dan"))[0] == "Thông báo lịch"


def test_matches_are_marked_in_the_accented_text(client, site):
    """The words found are marked where they are, accents and all."""
    make_article(title="Đảng ủy phường Tân Lập", lead="Sáng nay, Đảng ủy họp.")
    html = find(client, "dang uy").content.decode()
    assert "<mark>Đảng</mark> <mark>ủy</mark> phường Tân Lập" in html
    assert "Sáng nay, <mark>Đảng</mark> <mark>ủy</mark> họp." in html


def test_titles_are_escaped_before_they_are_marked(client, site):
    """Markup typed into a title is shown as text, never run."""
    make_article(title='<img src=x onerror="alert(1)"> Đảng ủy', lead="")
    html = find(client, "dang uy").content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>Đảng</mark>" in html


def test_results_are_paginated_and_links_keep_the_query(client, site):
    """20 matches: 15 then 5; the next link keeps q and the kind."""
    category = make_category()
    for n in range(20):
        make_article(category=category, title=f"Hội nghị số {n}", lead="")
    first = find(client, "hoi nghi", loai="tin-tuc")
    assert len(titles(first)) == 15
    html = first.content.decode()
    assert 'href="?q=hoi+nghi&amp;loai=tin-tuc&amp;page=2"' in html
    second = find(client, "hoi nghi", loai="tin-tuc", page=2)
    assert len(titles(second)) == 5
    html = second.content.decode()
    assert 'rel="prev"' in html and 'rel="next"' not in html


@pytest.mark.parametrize("count", [1, 200])
def test_search_runs_a_constant_number_of_queries(
    client, site, django_assert_max_num_queries, count
):
    """At most 10 queries, as many pages and articles as there are."""
    category = make_category()
    for _ in range(count):
        make_article(category=category, title="Hội nghị tổng kết công tác")
        make_page(title="Hội nghị trang")
    find(client, "hoi nghi")
    with django_assert_max_num_queries(10):
        find(client, "hoi nghi")
    with django_assert_max_num_queries(10):
        find(client, "hoi nghi", loai="trang", page=3)


def test_robots_txt_points_at_the_sitemap(client, site):
    body = client.get(reverse("robots")).content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_the_pages_of_results_keep_the_query(client, site):
    """The one pagination include keeps every other parameter of the address."""
    for n in range(16):
        make_article(title=f"Hội nghị số {n}", lead="")
    response = client.get(reverse("search"), {"q": "hoi nghi"})
    following = page(response).find("a", rel="next")
    assert (following.attrs["href"], following.text) == (
        "?q=hoi+nghi&page=2",
        "Trang sau ›",
    )
    second = client.get(reverse("search") + following.attrs["href"])
    assert len(second.context["page"]) == 1


def test_one_search_finds_every_kind_and_filters_by_each(client, site):
    """Documents, drafts, procedures and answers are found beside news and pages."""
    from tests.factories import make_document, make_draft, make_procedure, make_question

    make_article(title="Tiếp công dân định kỳ tháng 12", lead="")
    make_page(title="Lịch tiếp công dân của lãnh đạo")
    make_document(summary="Về việc tiếp công dân tại trụ sở UBND")
    make_draft(title="Dự thảo Quy chế tiếp công dân")
    make_procedure(
        name="Giải quyết khiếu nại lần đầu",
        required_papers="<p>Đơn khiếu nại; biên bản <b>tiếp công dân</b>.</p>",
    )
    make_question(
        title="Hỏi về giờ làm việc",
        answer="<p>Phường <em>tiếp công dân</em> vào thứ Năm hằng tuần.</p>",
    )
    response = find(client, "tiep cong dan")
    kinds = {kind.kind: kind.count for kind in response.context["results"].kinds}
    assert kinds == {
        "tin-tuc": 1,
        "trang": 1,
        "van-ban": 1,
        "du-thao": 1,
        "thu-tuc-hanh-chinh": 1,
        "hoi-dap": 1,
    }
    assert titles(find(client, "tiep cong dan", loai="hoi-dap")) == [
        "Hỏi về giờ làm việc"
    ]
    # Rich text is searched as words, never as markup.
    assert "<b>" not in response.content.decode().split('class="results"')[1]
