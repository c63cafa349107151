"""Issue 9, privacy: staff find, export and erase what one citizen sent, in their unit."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from comments.models import Comment
from portal import data_requests, personal_data
from portal.audit.models import Action, AuditEntry
from portal.models import Membership
from tests.factories import (
    login_verified,
    make_article,
    make_category,
    make_comment,
    make_site,
)

pytestmark = pytest.mark.django_db

PHONE = "+84914266628"


@pytest.fixture
def unit_admin(staff_user, site):
    Membership.objects.filter(user=staff_user).update(role="unit_admin")
    return staff_user


@pytest.fixture
def comments(site):
    site.domain = "tanlap.example.test"
    site.save()
    ours = make_article()
    other_site = make_site("khac.example.test")
    theirs = make_article(category=make_category(site=other_site))
    return {
        "mine": make_comment(ours, phone=PHONE, content="Góp ý về đường làng."),
        "mine_too": make_comment(ours, phone=PHONE, content="Góp ý thứ hai."),
        "someone_else": make_comment(ours, phone="+84988000111"),
        "other_unit": make_comment(theirs, phone=PHONE),
    }


def test_find_lists_the_citizens_rows_of_this_unit_only(unit_admin, site, comments):
    """Typed as they say it: 0914.266.628 finds +84914266628."""
    found = data_requests.find(site=site, user=unit_admin, phone="0914.266.628")
    rows = {row.pk for group in found for row in group.rows}
    assert rows == {comments["mine"].pk, comments["mine_too"].pk}


def test_export_holds_what_they_sent(unit_admin, site, comments):
    text = data_requests.export_csv(site=site, user=unit_admin, phone=PHONE)
    assert "Góp ý về đường làng." in text and "Góp ý thứ hai." in text
    assert AuditEntry.objects.filter(action=Action.PERSONAL_DATA).count() == 1


def test_erase_blanks_their_phone_here_and_nowhere_else(unit_admin, site, comments):
    """The comment text stays public; the other unit's row is untouched."""
    data_requests.erase(site=site, user=unit_admin, phone=PHONE)
    for name in ("mine", "mine_too"):
        comment = Comment.objects.get(pk=comments[name].pk)
        assert comment.phone == "" and comment.content
    assert Comment.objects.get(pk=comments["other_unit"].pk).phone == PHONE
    assert Comment.objects.get(pk=comments["someone_else"].pk).phone
    entry = AuditEntry.objects.get(action=Action.PERSONAL_DATA)
    assert PHONE not in entry.summary and "…628" in entry.summary


def test_a_kind_registered_later_is_covered_with_no_change(
    unit_admin, site, comments, monkeypatch
):
    """A new app's model appears in the search once it registers (a stand-in here)."""
    monkeypatch.setattr(personal_data, "_registry", dict(personal_data._registry))
    from portal.audit.models import AuditEntry as StandIn

    personal_data.register(
        StandIn,
        erased={"username": ""},
        phone_field="username",
        export_fields=("username", "summary"),
    )
    AuditEntry.objects.create(site=site, username=PHONE, action="edit", summary="x")
    found = data_requests.find(site=site, user=unit_admin, phone=PHONE)
    counts = {group.kind.model: len(group.rows) for group in found}
    assert (counts[Comment], counts[StandIn]) == (2, 1)


def test_editors_may_not_handle_requests(staff_user, site, comments):
    with pytest.raises(PermissionDenied):
        data_requests.find(site=site, user=staff_user, phone=PHONE)


def test_the_admin_page_finds_exports_and_erases(client, unit_admin, comments):
    login_verified(client, unit_admin)
    client.defaults["HTTP_HOST"] = "tanlap.example.test"
    url = reverse("admin:data_requests")
    page = client.post(url, {"phone": "0914266628", "action": "find"})
    assert "Góp ý về đường làng." in page.content.decode()
    export = client.post(url, {"phone": "0914266628", "action": "export"})
    assert export["Content-Type"].startswith("text/csv")
    assert "Góp ý thứ hai." in export.content.decode()
    refused = client.post(url, {"phone": "0914266628", "action": "erase"})
    assert Comment.objects.get(pk=comments["mine"].pk).phone == PHONE
    assert "Đánh dấu ô" in refused.content.decode()
    client.post(url, {"phone": "0914266628", "action": "erase", "confirm": "on"})
    assert Comment.objects.get(pk=comments["mine"].pk).phone == ""


def test_the_admin_page_is_closed_to_editors(client, staff_user):
    client.force_login(staff_user)
    assert client.get(reverse("admin:data_requests")).status_code == 403
