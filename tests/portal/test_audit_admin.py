"""The audit log's admin page (read only, scoped, CSV) and `manage.py audit_trim`."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from portal.audit.models import Action, AuditEntry
from portal.audit.services import record
from tests.factories import login_verified, make_staff, vietnam_time
from tests.portal.conftest import Role

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:audit_auditentry_changelist")
EXPORT = reverse("admin:audit_auditentry_export")


@pytest.fixture
def entries(units):
    """Two entries in unit A (by two people), one in unit B."""
    site_a, site_b = units
    a1 = make_staff("bientap", site_a, Role.EDITOR)
    a2 = make_staff("lanhdao", site_a, Role.APPROVER)
    b1 = make_staff("vinhte", site_b, Role.EDITOR)
    with time_machine.travel(vietnam_time(2026, 12, 31, 23, 59), tick=False):
        record(Action.PUBLISH, user=a2, site=site_a, summary="Xuất bản tin A")
    with time_machine.travel(vietnam_time(2027, 1, 1, 0, 1), tick=False):
        record(Action.EDIT, user=a1, site=site_a, summary="Sửa tin A")
        record(Action.EDIT, user=b1, site=site_b, summary="Sửa tin B")


def shown(response):
    return {row.summary for row in response.context["cl"].result_list}


def test_a_unit_administrator_reads_their_units_log_only(client, entries, units):
    admin_a = make_staff("quantri", units[0], Role.UNIT_ADMIN)
    login_verified(client, admin_a)
    assert shown(client.get(CHANGELIST)) >= {"Xuất bản tin A", "Sửa tin A"}
    assert "Sửa tin B" not in shown(client.get(CHANGELIST))


def test_a_superuser_reads_every_units_log(client, entries, superuser):
    login_verified(client, superuser)
    assert {"Xuất bản tin A", "Sửa tin A", "Sửa tin B"} <= shown(client.get(CHANGELIST))


def test_editors_and_approvers_cannot_read_the_log(client, entries, units):
    login_verified(client, make_staff("nv", units[0], Role.APPROVER))
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(EXPORT).status_code == 403


def test_the_list_filters_by_action_user_and_date(client, entries, superuser):
    """Each filter narrows the list, the dates in Vietnam's calendar."""
    login_verified(client, superuser)
    assert shown(client.get(CHANGELIST, {"action__exact": "publish"})) == {
        "Xuất bản tin A"
    }
    lanhdao = AuditEntry.objects.get(summary="Xuất bản tin A").user
    assert shown(client.get(CHANGELIST, {"user__id__exact": lanhdao.pk})) == {
        "Xuất bản tin A"
    }
    new_year = {  # as DateFieldListFilter writes them: Vietnamese midnights
        "created_at__gte": "2027-01-01 00:00:00+07:00",
        "created_at__lt": "2027-01-02 00:00:00+07:00",
    }
    assert shown(client.get(CHANGELIST, new_year)) == {"Sửa tin A", "Sửa tin B"}
    assert shown(client.get(CHANGELIST, {"site__id__exact": entries_site_b()})) == {
        "Sửa tin B"
    }


def entries_site_b():
    return AuditEntry.objects.get(summary="Sửa tin B").site_id


def test_the_csv_export_is_for_excel_with_vietnamese_dates(client, entries, superuser):
    """UTF-8 with a BOM, a Vietnamese header, dd/mm/yyyy HH:MM, the list's filter."""
    login_verified(client, superuser)
    response = client.get(EXPORT, {"action__exact": "edit"})
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeffThời gian,Đơn vị,Người dùng,Thao tác,")
    lines = body.strip().splitlines()
    assert len(lines) == 3  # the header and the two edits, not the publication
    assert "01/01/2027 00:01,Phường Tân Lập,bientap,Chỉnh sửa,,,,Sửa tin A" in body
    assert 'attachment; filename="nhat-ky-' in response["Content-Disposition"]


def test_a_unit_administrators_export_holds_their_unit_only(client, entries, units):
    login_verified(client, make_staff("quantri", units[0], Role.UNIT_ADMIN))
    body = b"".join(client.get(EXPORT).streaming_content).decode("utf-8")
    assert "Sửa tin A" in body and "Sửa tin B" not in body


def test_nobody_adds_changes_or_deletes_entries_not_even_a_superuser(
    client, entries, superuser
):
    """The add, change and delete pages and the delete action are all refused."""
    login_verified(client, superuser)
    entry = AuditEntry.objects.get(summary="Sửa tin A")
    change = reverse("admin:audit_auditentry_change", args=[entry.pk])
    delete = reverse("admin:audit_auditentry_delete", args=[entry.pk])
    assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    assert client.post(change, {"summary": "Đã sửa lén"}).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    entry.refresh_from_db()
    assert entry.summary == "Sửa tin A"
    assert client.get(change).status_code == 200  # read, yes


def trim(*args):
    out = StringIO()
    call_command("audit_trim", *args, stdout=out)
    return out.getvalue()


def test_audit_trim_deletes_what_is_older_than_two_years(site):
    """At a fixed clock: 730 days and one second old goes, 730 days stays."""
    now = vietnam_time(2028, 12, 31, 17, 30)
    with time_machine.travel(now - timedelta(days=730, seconds=1), tick=False):
        record(Action.EDIT, site=site, summary="quá hạn")
    with time_machine.travel(now - timedelta(days=730), tick=False):
        record(Action.EDIT, site=site, summary="vừa đủ hai năm")
    with time_machine.travel(now, tick=False):
        assert "1 audit entries older than" in trim("--dry-run")
        assert AuditEntry.objects.count() == 2
        assert "1 audit entries older than 01/01/2027 17:30 deleted" in trim()
    left = set(AuditEntry.objects.values_list("summary", flat=True))
    assert "vừa đủ hai năm" in left and "quá hạn" not in left
    assert AuditEntry.objects.filter(action=Action.TRIM).exists()


def test_audit_trim_refuses_a_retention_under_two_years(site, settings):
    settings.AUDIT_RETENTION_DAYS = 365
    record(Action.EDIT, site=site)
    with pytest.raises(CommandError, match="at least 730"):
        trim()
    assert AuditEntry.objects.count() == 1


def test_the_settings_refuse_a_retention_under_two_years():
    """AUDIT_RETENTION_DAYS=100 in the environment stops the server at start."""
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import portal.settings"],
        env={**os.environ, "AUDIT_RETENTION_DAYS": "100", "DEBUG": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "AUDIT_RETENTION_DAYS must be at least 730" in result.stderr


def test_another_units_entry_is_not_found(client, entries, units):
    """Reading one entry of unit B from unit A's admin: it does not exist."""
    login_verified(client, make_staff("quantri", units[0], Role.UNIT_ADMIN))
    theirs = AuditEntry.objects.get(summary="Sửa tin B")
    response = client.get(reverse("admin:audit_auditentry_change", args=[theirs.pk]))
    assert response.status_code == 302  # Django: "does not exist", back to the list
