import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article
from portal.audit.models import Action, AuditEntry
from portal.mergers.models import Redirect
from portal.mergers.redirects import add_redirect, import_csv
from portal.workflow import services as workflow
from tests.factories import make_article, make_site
from tests.mergers.conftest import host_client

pytestmark = pytest.mark.django_db


def test_a_redirect_answers_only_where_no_page_is(client, site):
    """/cu/ → /moi/ with a 301; an existing page is never shadowed."""
    article = make_article()
    add_redirect(site=site, old_path="/cu/", new_path="/moi/")
    add_redirect(site=site, old_path=article.get_absolute_url(), new_path="/moi/")
    response = client.get("/cu/")
    assert response.status_code == 301 and response["Location"] == "/moi/"
    assert client.get(article.get_absolute_url()).status_code == 200


def test_an_old_portal_address_with_a_query_string_redirects(client, site):
    add_redirect(site=site, old_path="/index.php?option=news&id=5", new_path="/moi/")
    response = client.get("/index.php?option=news&id=5")
    assert response.status_code == 301 and response["Location"] == "/moi/"
    assert client.get("/index.php?option=news&id=6").status_code == 404


def test_redirects_belong_to_their_unit(site):
    """The same old path on another unit's host is that unit's business."""
    other = make_site("vinhte.example.test", "Xã Vĩnh Tế")
    add_redirect(site=other, old_path="/cu/", new_path="/moi/")
    site.domain = "tanlap.example.test"
    site.save()
    assert host_client("tanlap.example.test").get("/cu/").status_code == 404
    assert host_client("vinhte.example.test").get("/cu/").status_code == 301


def test_a_chain_is_collapsed_to_one_hop(site):
    """a → b, then b → c: a now leads straight to c."""
    add_redirect(site=site, old_path="/a/", new_path="/b/")
    add_redirect(site=site, old_path="/b/", new_path="/c/")
    assert Redirect.objects.get(old_path="/a/").new_path == "/c/"
    add_redirect(site=site, old_path="/z/", new_path="/a/")
    assert Redirect.objects.get(old_path="/z/").new_path == "/c/"


def test_a_loop_is_refused(site):
    add_redirect(site=site, old_path="/a/", new_path="/b/")
    with pytest.raises(ValidationError):
        add_redirect(site=site, old_path="/b/", new_path="/a/")
    with pytest.raises(ValidationError):
        add_redirect(site=site, old_path="/x/", new_path="/x/")
    assert Redirect.objects.count() == 1


def test_a_published_articles_new_slug_redirects_from_the_old_one(
    client, site, admin_user
):
    """Publishing a revision with a new slug leaves a 301 at the old address."""
    article = make_article(title="Tin cũ", slug="tin-cu")
    article.slug = "tin-moi"
    workflow.save_draft(article, user=admin_user)
    workflow.publish(Article.objects.get(pk=article.pk), user=admin_user)
    response = client.get("/tin-tuc/tin-cu/")
    assert response.status_code == 301 and response["Location"] == "/tin-tuc/tin-moi/"
    assert AuditEntry.objects.filter(
        action=Action.SETTINGS, summary__contains="/tin-tuc/tin-cu/"
    ).exists()


def test_a_slug_given_back_drops_its_redirect(client, site, admin_user):
    """tin-cu → tin-moi → tin-cu: no loop; the article answers at tin-cu again."""
    article = make_article(title="Tin", slug="tin-cu")
    for slug in ("tin-moi", "tin-cu"):
        current = Article.objects.get(pk=article.pk)
        current.slug = slug
        workflow.save_draft(current, user=admin_user)
        workflow.publish(Article.objects.get(pk=article.pk), user=admin_user)
    assert client.get("/tin-tuc/tin-cu/").status_code == 200
    assert client.get("/tin-tuc/tin-moi/")["Location"] == "/tin-tuc/tin-cu/"


def test_a_draft_slug_change_makes_no_redirect(site, admin_user):
    article = make_article(slug="nhap", status=Article.Status.DRAFT)
    article.slug = "nhap-2"
    workflow.save_draft(article, user=admin_user)
    assert not Redirect.objects.exists()


CSV = "old,new\n/index.php?id=1,/tin-tuc/a/\nhttp://vinhte.example.test/cu.html,http://testserver-x/\n"


def test_a_csv_import_dry_run_lists_and_writes_nothing(site, admin_user):
    result = import_csv(
        site=site,
        text="old,new\n/index.php?id=1,/tin-tuc/a/\n",
        user=admin_user,
        dry_run=True,
    )
    assert result.created == [("/index.php?id=1", site.domain, "/tin-tuc/a/")]
    assert not Redirect.objects.exists()


def test_a_csv_import_with_a_bad_line_imports_nothing(site, admin_user):
    """An unknown host on line 3: the whole file is refused, with the line."""
    result = import_csv(site=site, text=CSV, user=admin_user)
    assert result.errors and result.errors[0][0] == 3
    assert not Redirect.objects.exists()


def test_a_csv_import_writes_redirects_and_an_audit_entry(site, admin_user):
    other = make_site("vinhte.example.test", "Xã Vĩnh Tế")
    text = (
        "/index.php?id=1,/tin-tuc/a/\nhttp://vinhte.example.test/cu.html,/tin-tuc/b/\n"
    )
    result = import_csv(site=site, text=text, user=admin_user)
    assert not result.errors
    assert Redirect.objects.get(site=other).target_site == site
    assert AuditEntry.objects.filter(action=Action.SETTINGS).count() == 1


def test_the_admin_csv_import_shows_the_dry_run_first(admin_client, site):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("admin:mergers_redirect_import")
    upload = SimpleUploadedFile("r.csv", b"/cu.html,/tin-tuc/a/\n")
    response = admin_client.post(url, {"file": upload, "dry_run": "on"})
    assert "Chạy thử" in response.content.decode()
    assert not Redirect.objects.exists()
    upload = SimpleUploadedFile("r.csv", b"/cu.html,/tin-tuc/a/\n")
    response = admin_client.post(url, {"file": upload})
    assert response.status_code == 302 and Redirect.objects.count() == 1


def test_the_admin_refuses_a_looping_redirect(admin_client, site):
    add_redirect(site=site, old_path="/a/", new_path="/b/")
    response = admin_client.post(
        reverse("admin:mergers_redirect_add"),
        {"old_path": "/b/", "target_site": site.pk, "new_path": "/a/"},
    )
    assert response.status_code == 200
    assert "vòng lặp" in response.content.decode()
    assert Redirect.objects.count() == 1


def test_a_redirect_added_in_the_admin_is_audited(admin_client, site):
    response = admin_client.post(
        reverse("admin:mergers_redirect_add"),
        {"old_path": "/cu/", "target_site": site.pk, "new_path": "/moi/"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action=Action.SETTINGS).exists()
