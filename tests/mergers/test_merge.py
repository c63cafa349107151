import pytest

from articles.models import Article, Category
from comments.models import Comment, Rating
from portal.audit.models import Action, AuditEntry
from portal.mergers.models import Redirect, UnitArchive, UnitSuccession
from stats.models import DailySiteStats, SiteCounterSettings
from stats.selectors import counter_values
from tests.factories import make_article, make_category
from tests.mergers.conftest import merge

pytestmark = pytest.mark.django_db


def test_articles_move_with_new_slugs_when_the_new_unit_uses_theirs(units, content):
    """The moved "hoi-nghi" articles become hoi-nghi-2 and hoi-nghi-3; ours stays."""
    new, old_a, old_b = units
    merge([new], [old_a, old_b])
    slugs = set(Article.objects.for_site(new).values_list("slug", flat=True))
    assert slugs == {"hoi-nghi", "hoi-nghi-2", "hoi-nghi-3", "le-hoi"}
    assert not Article.objects.for_site(old_a).exists()
    assert Article.objects.get(pk=content["new"].pk).slug == "hoi-nghi"


def test_categories_map_by_name_ignoring_accents_and_case(units, content):
    """ "TIN TUC" joins "Tin tức"; "Văn hóa" is created as the former unit's."""
    new, old_a, _old_b = units
    merge([new], [old_a])
    assert Article.objects.get(pk=content["a"].pk).category == Category.objects.get(
        site=new, slug="tin-tuc"
    )
    culture = Article.objects.get(pk=content["a_culture"].pk).category
    assert culture.site == new
    assert culture.name == "Văn hóa phường Tân Thịnh (cũ)"


def test_comments_ratings_and_views_follow_their_article(units, content):
    """The comment moves to the new unit; the rating and view count stay on the row."""
    new, old_a, _ = units
    article = content["a"]
    Rating.objects.create(article=article, voter="v1", stars=5)
    Article.objects.filter(pk=article.pk).update(view_count=77)
    merge([new], [old_a])
    assert Comment.objects.get(title="Ý kiến ở Tân Thịnh").site == new
    moved = Article.objects.get(pk=article.pk)
    assert moved.view_count == 77 and moved.ratings.count() == 1


def test_moved_article_page_names_its_origin(client, units, content):
    """ "Nguồn: Phường Tân Thịnh, trước sáp nhập" on the article's new page."""
    new, old_a, _ = units
    merge([new], [old_a])
    moved = Article.objects.get(pk=content["a_culture"].pk)
    html = client.get(moved.get_absolute_url(), HTTP_HOST=new.domain).content.decode()
    assert "Nguồn: Phường Tân Thịnh, trước sáp nhập" in html


def test_counter_totals_are_added_to_the_new_units_starting_total(units):
    """Old 1000 + 30 visits added to the new unit's 500; old daily rows stay theirs."""
    new, old_a, _ = units
    SiteCounterSettings.objects.create(site=new, starting_total=500)
    SiteCounterSettings.objects.create(site=old_a, starting_total=1000)
    DailySiteStats.objects.create(site=old_a, date="2025-06-30", visits=30)
    DailySiteStats.objects.create(site=new, date="2025-06-30", visits=7)
    assert counter_values(new.pk)["total"] == 507
    merge([new], [old_a])
    assert counter_values(new.pk)["total"] == 1537
    assert DailySiteStats.objects.get(site=old_a).visits == 30


def test_the_former_units_are_archived_with_their_successor(units, content):
    """Each former unit: archived, a succession to the new unit, whole."""
    new, old_a, old_b = units
    merge([new], [old_a, old_b])
    assert set(UnitArchive.objects.values_list("site", flat=True)) == {
        old_a.pk,
        old_b.pk,
    }
    rows = UnitSuccession.objects.filter(successor=new)
    assert {(r.predecessor_id, r.whole) for r in rows} == {
        (old_a.pk, True),
        (old_b.pk, True),
    }


def test_a_merge_writes_an_audit_entry(units, content):
    """One MERGE entry naming both units."""
    new, old_a, _ = units
    merge([new], [old_a])
    entry = AuditEntry.objects.get(action=Action.MERGE)
    assert "Phường Tân Thịnh" in entry.summary and entry.site == new


def test_the_dry_run_changes_nothing(units, content):
    """Same report, but no row moved, no redirect, no archive, no audit entry."""
    new, old_a, old_b = units
    before = list(Article.objects.order_by("pk").values_list("site", "slug"))
    result = merge([new], [old_a, old_b], dry_run=True)
    assert list(Article.objects.order_by("pk").values_list("site", "slug")) == before
    assert not Redirect.objects.exists() and not UnitArchive.objects.exists()
    assert not AuditEntry.objects.filter(action=Action.MERGE).exists()
    assert not Category.objects.filter(name__contains="(cũ)").exists()
    report_a = result.reports[0]
    assert report_a.counts["articles"] == 2
    assert ("articles", "hoi-nghi", "hoi-nghi-2", new) in report_a.slugs


def test_the_dry_run_report_lists_mappings_slugs_and_redirects(units, content):
    """Per former unit: counts, category mapping, slug change and redirects, as CSV."""
    new, old_a, _ = units
    result = merge([new], [old_a], dry_run=True)
    text, csv = result.text(), result.csv()
    assert "Bài viết: 2" in text
    assert "TIN TUC → Tin tức" in text
    assert "Văn hóa → Văn hóa phường Tân Thịnh (cũ) (mới)" in text
    assert "hoi-nghi → hoi-nghi-2" in text
    assert (
        "tanthinh.example.test/tin-tuc/hoi-nghi/ → tanlap.example.test/tin-tuc/hoi-nghi-2/"
        in text
    )
    assert (
        "tanthinh.example.test,slug,Bài viết,hoi-nghi,hoi-nghi-2,tanlap.example.test"
        in csv
    )


def test_a_failure_in_the_middle_rolls_everything_back(units, content, monkeypatch):
    """The comments mover fails after the articles moved: nothing is kept."""
    from portal import merging

    new, old_a, _ = units

    def broken(ctx, old_site):
        raise RuntimeError("disk full")

    monkeypatch.setitem(
        merging._movers, "comments", merging.Mover("comments", "x", broken, 30)
    )
    with pytest.raises(RuntimeError):
        merge([new], [old_a])
    assert Article.objects.for_site(old_a).count() == 2
    assert not Redirect.objects.exists() and not UnitArchive.objects.exists()
    assert not Category.objects.filter(name__contains="(cũ)").exists()


def test_a_unit_already_archived_cannot_be_merged_again(units, content):
    from django.core.exceptions import ValidationError

    new, old_a, _ = units
    merge([new], [old_a])
    with pytest.raises(ValidationError):
        merge([new], [old_a])


def test_other_units_are_untouched(units, content):
    """A unit not in the merger keeps its articles and slugs."""
    new, old_a, old_b = units
    merge([new], [old_a])
    assert Article.objects.get(pk=content["b"].pk).site == old_b
    assert Article.objects.get(pk=content["b"].pk).slug == "hoi-nghi"


def test_a_split_unit_gives_each_successor_what_was_assigned(units, content):
    """By category: culture to Thịnh Đức; the rest to the first successor."""
    new, old_a, old_b = units
    merge([new, old_b], [old_a], assignments={("category", "van-hoa"): old_b})
    assert Article.objects.get(pk=content["a_culture"].pk).site == old_b
    assert Article.objects.get(pk=content["a"].pk).site == new
    assert not UnitSuccession.objects.get(successor=old_b).whole


def test_unrelated_categories_of_a_split_unit_still_exist(units, content):
    new, old_a, old_b = units
    make_article(category=make_category(site=old_a, name="Khác"), title="Khác")
    merge([new, old_b], [old_a], assignments={("article", "le-hoi"): old_b})
    assert Article.objects.get(pk=content["a_culture"].pk).site == old_b


def test_an_older_redirect_of_the_former_unit_leads_straight_to_the_new_address(
    units, content
):
    """/tin-tuc/hoi-nghi-cu/ → /tin-tuc/hoi-nghi/ before; after: one hop to -2."""
    from portal.mergers.redirects import add_redirect

    new, old_a, _ = units
    add_redirect(
        site=old_a, old_path="/tin-tuc/hoi-nghi-cu/", new_path="/tin-tuc/hoi-nghi/"
    )
    merge([new], [old_a])
    row = Redirect.objects.get(site=old_a, old_path="/tin-tuc/hoi-nghi-cu/")
    assert (row.target_site, row.new_path) == (new, "/tin-tuc/hoi-nghi-2/")
