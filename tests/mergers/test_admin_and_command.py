from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article
from portal.mergers.models import Redirect, UnitArchive
from tests.factories import login_verified
from tests.mergers.conftest import NEW, OLD_A, OLD_B

pytestmark = pytest.mark.django_db


def command(*args):
    out = StringIO()
    call_command("merge_units", *args, stdout=out)
    return out.getvalue()


def test_the_command_dry_run_reports_and_writes_a_csv(units, content, tmp_path):
    report_file = tmp_path / "bao-cao.csv"
    text = command(
        "--into", NEW, "--from", OLD_A, OLD_B, "--dry-run", "--csv", str(report_file)
    )
    assert "Chạy thử" in text and "hoi-nghi → hoi-nghi-3" in text
    csv = report_file.read_text(encoding="utf-8-sig")
    assert csv.splitlines()[0] == "Đơn vị cũ,Mục,Loại,Cũ,Mới,Đơn vị"
    assert (
        f"{OLD_B},redirect,,{OLD_B}/tin-tuc/hoi-nghi/,/tin-tuc/hoi-nghi-3/,{NEW}" in csv
    )
    assert not UnitArchive.objects.exists()


def test_the_command_merges(units, content):
    command("--into", NEW, "--from", OLD_A)
    assert Article.objects.for_site(units[0]).count() == 3


def test_the_command_divides_a_unit_by_an_assignment_file(units, content, tmp_path):
    assign = tmp_path / "chia.csv"
    assign.write_text(f"kind,slug,unit\ncategory,van-hoa,{OLD_B}\n")
    command("--into", NEW, OLD_B, "--from", OLD_A, "--assign", str(assign))
    assert Article.objects.get(pk=content["a_culture"].pk).site == units[2]


def test_the_command_names_an_unknown_host(units):
    with pytest.raises(CommandError, match="khong-co.example.test"):
        command("--into", NEW, "--from", "khong-co.example.test")


def form_data(units, **extra):
    new, old_a, _ = units
    return {"sources": [old_a.pk], "into": new.pk, "date": "01/07/2025", **extra}


def test_the_admin_merge_shows_the_dry_run_before_confirming(
    admin_client, units, content
):
    """Preview: the report, nothing moved; confirm: the merger runs."""
    url = reverse("admin:mergers_merge")
    preview = admin_client.post(url, form_data(units, preview="1"), HTTP_HOST=NEW)
    html = preview.content.decode()
    assert "Xem trước (chạy thử)" in html and "hoi-nghi-2" in html
    assert not Redirect.objects.exists()
    digest = preview.context["result"].digest
    done = admin_client.post(
        url, form_data(units, confirm="1", digest=digest), HTTP_HOST=NEW
    )
    assert done.status_code == 302
    assert UnitArchive.objects.filter(site=units[1]).exists()


def test_the_admin_merge_refuses_a_confirmation_of_a_stale_preview(
    admin_client, units, content
):
    """Content changed after the preview: nothing happens, a new preview is shown."""
    url = reverse("admin:mergers_merge")
    digest = (
        admin_client.post(url, form_data(units, preview="1"), HTTP_HOST=NEW)
        .context["result"]
        .digest
    )
    Article.objects.filter(pk=content["a"].pk).update(slug="doi-roi")
    response = admin_client.post(
        url, form_data(units, confirm="1", digest=digest), HTTP_HOST=NEW
    )
    assert response.status_code == 200 and "đã thay đổi" in response.content.decode()
    assert not UnitArchive.objects.exists()


def test_the_admin_merge_report_downloads_as_csv(admin_client, units, content):
    response = admin_client.post(
        reverse("admin:mergers_merge"), form_data(units, csv="1"), HTTP_HOST=NEW
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "hoi-nghi-2" in response.content.decode("utf-8-sig")


def test_only_superusers_may_merge(client, units, django_user_model):
    from portal.models import Membership

    staff = django_user_model.objects.create_user("canbo", password="x", is_staff=True)
    Membership.objects.create(site=units[0], user=staff, role="unit_admin")
    login_verified(client, staff)
    response = client.get(reverse("admin:mergers_merge"), HTTP_HOST=NEW)
    assert response.status_code == 403


def test_a_confirmation_without_a_preview_only_previews(admin_client, units, content):
    response = admin_client.post(
        reverse("admin:mergers_merge"), form_data(units, confirm="1"), HTTP_HOST=NEW
    )
    assert response.status_code == 200 and "Xem trước" in response.content.decode()
    assert not UnitArchive.objects.exists()
