"""Staff accounts and roles in the admin: no path from unit administrator to more.

Every escalation is tried by crafted POST (issue 9: "a unit's staff member can
make themselves superuser").
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from portal.audit.models import Action, AuditEntry
from portal.models import Membership
from tests.factories import login_verified, make_staff
from tests.portal.conftest import B_HOST, Role

pytestmark = pytest.mark.django_db


def user_url(user, view="change"):
    if view == "password":
        return reverse("admin:auth_user_password_change", args=[user.pk])
    return reverse(f"admin:auth_user_{view}", args=[user.pk])


def user_form(user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "_save": "1",
    }
    data.update(changes)
    return data


@pytest.fixture
def admin_a(units, client):
    """The unit administrator of unit A, logged in on A's host."""
    site_a, _ = units
    user = make_staff("quantri", site_a, Role.UNIT_ADMIN)
    login_verified(client, user)
    return user


@pytest.fixture
def colleague(units):
    """An editor who works for unit A only."""
    return make_staff("bientap", units[0], Role.EDITOR, first_name="Lan")


@pytest.fixture
def shared(units):
    """An editor of unit A who is also the approver of unit B."""
    site_a, site_b = units
    user = make_staff("hai-don-vi", site_a, Role.EDITOR)
    user.memberships.create(site=site_b, role=Role.APPROVER)
    return user


@pytest.fixture
def outsider(units):
    return make_staff("vinhte", units[1], Role.EDITOR)


def test_a_unit_administrator_lists_only_their_units_staff(
    client, admin_a, colleague, shared, outsider, superuser
):
    """No account of another unit, and no superuser, is listed or searchable."""
    html = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "bientap" in html and "hai-don-vi" in html
    assert "vinhte" not in html and "sieuquantri" not in html
    assert "Biên tập viên" in html  # the role in this unit, as a column
    found = client.get(reverse("admin:auth_user_changelist"), {"q": "vinhte"})
    assert found.context["cl"].result_count == 0


def test_the_form_hides_superuser_staff_groups_and_permissions(
    client, admin_a, colleague
):
    """Those fields are not in the unit administrator's form at all."""
    html = client.get(user_url(colleague)).content.decode()
    for name in ("is_superuser", "is_staff", "groups", "user_permissions"):
        assert f'name="{name}"' not in html


def test_crafted_superuser_staff_groups_and_permissions_are_ignored(
    client, admin_a, colleague
):
    """A POST naming them changes the name, and nothing else."""
    colleague.is_staff = False
    colleague.save()
    response = client.post(
        user_url(colleague),
        user_form(
            colleague,
            first_name="Hoa",
            is_superuser="on",
            is_staff="on",
            groups=[Group.objects.get(name="Quản trị đơn vị").pk],
            user_permissions=[Permission.objects.get(codename="change_user").pk],
        ),
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.first_name == "Hoa"
    assert not colleague.is_superuser and not colleague.is_staff
    assert not colleague.groups.exists() and not colleague.user_permissions.exists()


def test_a_unit_administrator_cannot_make_themselves_superuser(client, admin_a):
    """The issue-9 path: ticking is_superuser on one's own account."""
    client.post(user_url(admin_a), user_form(admin_a, is_superuser="on", is_staff="on"))
    admin_a.refresh_from_db()
    assert not admin_a.is_superuser


def test_memberships_cannot_be_posted_through_the_user_form(client, admin_a, units):
    """An inline for another unit, crafted into the user form, creates nothing."""
    _, site_b = units
    data = user_form(
        admin_a,
        **{
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-site": site_b.pk,
            "memberships-0-role": Role.UNIT_ADMIN,
        },
    )
    client.post(user_url(admin_a), data)
    assert not Membership.objects.filter(user=admin_a, site=site_b).exists()


def test_a_unit_administrator_cannot_add_accounts(client, admin_a):
    """Granting staff status starts with a new account: superusers only."""
    url = reverse("admin:auth_user_add")
    assert client.get(url).status_code == 403
    response = client.post(
        url,
        {
            "username": "moi",
            "password1": "Mat-khau-dai-123",
            "password2": "Mat-khau-dai-123",
        },
    )
    assert response.status_code == 403


def test_another_units_account_is_not_found(client, admin_a, outsider):
    """Its change and password pages do not exist for unit A's administrator."""
    assert client.get(user_url(outsider)).status_code == 302  # "does not exist"
    response = client.post(
        user_url(outsider, "password"),
        {"password1": "Mat-khau-moi-123", "password2": "Mat-khau-moi-123"},
    )
    assert response.status_code in (403, 404)
    outsider.refresh_from_db()
    assert outsider.check_password("mat-khau-123")


def test_a_superusers_account_is_out_of_reach(client, admin_a, superuser, units):
    """Even a superuser who is a member of the unit: no change, no password."""
    superuser.memberships.create(site=units[0], role=Role.EDITOR)
    response = client.post(
        user_url(superuser, "password"),
        {"password1": "Mat-khau-moi-123", "password2": "Mat-khau-moi-123"},
    )
    assert response.status_code in (403, 404)
    superuser.refresh_from_db()
    assert superuser.check_password("mat-khau-123")


def test_an_account_shared_with_another_unit_is_read_only(client, admin_a, shared):
    """Changing its password would be acting in unit B: refused."""
    response = client.post(
        user_url(shared, "password"),
        {"password1": "Mat-khau-moi-123", "password2": "Mat-khau-moi-123"},
    )
    assert response.status_code == 403
    assert (
        client.post(user_url(shared), user_form(shared, email="x@y.vn")).status_code
        == 403
    )
    shared.refresh_from_db()
    assert shared.check_password("mat-khau-123") and shared.email != "x@y.vn"


def test_a_unit_administrator_resets_a_colleagues_password(client, admin_a, colleague):
    """Accounts of this unit only: allowed, and written to the audit log."""
    response = client.post(
        user_url(colleague, "password"),
        {"password1": "Mat-khau-moi-123", "password2": "Mat-khau-moi-123"},
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.check_password("Mat-khau-moi-123")
    entry = AuditEntry.objects.get(action=Action.USERS, object_id=str(colleague.pk))
    assert entry.user == admin_a and "mật khẩu" in entry.summary.lower()


def membership_url(membership, view="change"):
    return reverse(f"admin:portal_membership_{view}", args=[membership.pk])


def test_a_unit_administrator_changes_a_role_and_it_is_audited(
    client, admin_a, colleague
):
    """Editor → approver, with the old and the new role in the log."""
    membership = colleague.memberships.get()
    response = client.post(
        membership_url(membership), {"role": Role.APPROVER, "_save": "1"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.APPROVER
    entry = AuditEntry.objects.get(action=Action.USERS)
    assert (
        entry.summary == "bientap tại Phường Tân Lập: Biên tập viên → Lãnh đạo duyệt."
    )


def test_a_crafted_role_post_cannot_move_a_membership_or_its_user(
    client, admin_a, colleague, outsider, units
):
    """site and user are not fields of the unit administrator's role form."""
    _, site_b = units
    membership = colleague.memberships.get()
    client.post(
        membership_url(membership),
        {"role": Role.EDITOR, "site": site_b.pk, "user": outsider.pk, "_save": "1"},
    )
    membership.refresh_from_db()
    assert (membership.site, membership.user) == (units[0], colleague)


def test_a_unit_administrator_cannot_reach_another_units_memberships(
    client, admin_a, outsider
):
    """Unit B's membership is not found; its role stays."""
    membership = outsider.memberships.get()
    response = client.post(membership_url(membership), {"role": Role.UNIT_ADMIN})
    assert response.status_code == 302  # "does not exist"
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR


def test_nobody_changes_their_own_role(client, admin_a):
    """Not even to step down: another administrator or a superuser does it."""
    membership = admin_a.memberships.get()
    client.post(membership_url(membership), {"role": Role.EDITOR, "_save": "1"})
    membership.refresh_from_db()
    assert membership.role == Role.UNIT_ADMIN


def test_only_superusers_add_someone_to_a_unit(client, admin_a, outsider, superuser):
    """Adding a membership is granting access: superusers only."""
    url = reverse("admin:portal_membership_add")
    assert (
        client.post(url, {"user": outsider.pk, "role": Role.EDITOR}).status_code == 403
    )
    login_verified(client, superuser)
    assert (
        client.post(url, {"user": outsider.pk, "role": Role.EDITOR}).status_code == 302
    )
    assert outsider.memberships.count() == 2
    assert AuditEntry.objects.filter(action=Action.USERS, user=superuser).exists()


def test_editors_and_approvers_have_no_user_admin(client, units):
    """Staff and roles are the unit administrator's."""
    for role in (Role.EDITOR, Role.APPROVER):
        login_verified(client, make_staff(f"nv-{role}", units[0], role))
        assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
        assert (
            client.get(reverse("admin:portal_membership_changelist")).status_code == 403
        )


def test_a_superuser_grants_staff_status_and_memberships_anywhere(
    client, superuser, colleague, units
):
    """The superuser's form keeps every field and the memberships inline."""
    _, site_b = units
    login_verified(client, superuser)
    membership = colleague.memberships.get()
    data = user_form(
        colleague,
        is_staff="on",
        date_joined_0="01/12/2026",
        date_joined_1="08:00:00",
        **{
            "memberships-TOTAL_FORMS": "2",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": membership.pk,
            "memberships-0-user": colleague.pk,
            "memberships-0-site": units[0].pk,
            "memberships-0-role": Role.EDITOR,
            "memberships-1-user": colleague.pk,
            "memberships-1-site": site_b.pk,
            "memberships-1-role": Role.APPROVER,
        },
    )
    response = client.post(user_url(colleague), data, HTTP_HOST=B_HOST)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert colleague.memberships.get(site=site_b).role == Role.APPROVER
    assert AuditEntry.objects.filter(action=Action.USERS, user=superuser).exists()
