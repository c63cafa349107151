"""Roles per unit: the groups the registry keeps, and the backend that reads them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import checks

from articles.models import Article
from portal import roles
from portal.backends import UnitRoleBackend
from portal.tenancy import site_context
from tests.factories import login_verified, make_article, make_category, make_staff
from tests.portal.conftest import A_HOST, B_HOST, Role

pytestmark = pytest.mark.django_db


def codenames(group_name):
    return set(
        Group.objects.get(name=group_name).permissions.values_list(
            "codename", flat=True
        )
    )


def test_the_three_role_groups_exist_with_their_permissions():
    """Migrations and the registry made the groups; roles include the one below."""
    editor = codenames("Biên tập viên")
    approver = codenames("Lãnh đạo duyệt")
    unit_admin = codenames("Quản trị đơn vị")
    assert {"add_article", "change_article", "view_category"} <= editor
    assert "publish_article" not in editor and "change_category" not in editor
    assert editor | {"publish_article"} <= approver
    assert "change_unitprofile" not in approver
    assert (
        approver
        | {
            "change_category",
            "change_unitprofile",
            "change_sitecountersettings",
            "change_comment",
            "view_statistics",
            "view_auditentry",
            "change_membership",
            "change_user",
        }
        <= unit_admin
    )


def test_sync_restores_the_registry_over_hand_edits():
    """A group edited by hand is set back to exactly the registered permissions."""
    group = Group.objects.get(name="Biên tập viên")
    group.permissions.remove(Permission.objects.get(codename="add_article"))
    group.permissions.add(Permission.objects.get(codename="publish_article"))
    roles.sync_groups()
    assert "add_article" in codenames("Biên tập viên")
    assert "publish_article" not in codenames("Biên tập viên")


def test_an_app_added_later_grants_its_permissions_to_a_role(monkeypatch):
    """roles.grant() from an app's ready() reaches the group on the next sync."""
    monkeypatch.setattr(roles, "_grants", {**roles._grants, Role.EDITOR: set()})
    roles.grant(Role.EDITOR, "comments.view_comment")
    roles.sync_groups()
    assert codenames("Biên tập viên") == {"view_comment"}
    # ...and the roles that include the editor's get it too.
    assert "view_comment" in codenames("Lãnh đạo duyệt")


def test_a_grant_of_an_unknown_permission_fails_the_checks(monkeypatch):
    """A typo in a grant is a system check error, not a silent no-op."""
    monkeypatch.setattr(roles, "_grants", {Role.EDITOR: {"documents.add_documnet"}})
    errors = roles.check_grants()
    assert [e.id for e in errors] == ["portal.E010"]
    assert checks.run_checks(tags=[checks.Tags.security])  # registered


def test_the_same_person_is_editor_in_one_unit_and_approver_in_another(client, units):
    """Their rights follow the unit of the host they work on."""
    site_a, site_b = units
    person = make_staff("hai-don-vi", site_a, Role.EDITOR)
    person.memberships.create(site=site_b, role=Role.APPROVER)
    login_verified(client, person)
    html_a = client.get("/admin/articles/article/add/", HTTP_HOST=A_HOST)
    html_b = client.get("/admin/articles/article/add/", HTTP_HOST=B_HOST)
    assert 'value="Duyệt và xuất bản"' not in html_a.content.decode()
    assert 'value="Duyệt và xuất bản"' in html_b.content.decode()


def test_permissions_on_an_object_follow_its_unit(units):
    """has_perm(p, obj) asks the role in obj's unit, whatever the current unit."""
    site_a, site_b = units
    person = make_staff("hai-don-vi", site_a, Role.EDITOR)
    person.memberships.create(site=site_b, role=Role.APPROVER)
    in_a = make_article(category=make_category(site=site_a))
    in_b = make_article(category=make_category(site=site_b))
    with site_context(site_a):
        assert not person.has_perm("articles.publish_article", in_a)
        assert person.has_perm("articles.publish_article", in_b)


def test_direct_and_group_permissions_do_not_count(site):
    """Only the role in the unit gives rights: no global grant follows a person."""
    person = make_staff("khong-vai-tro", site, role=None)
    person.user_permissions.add(Permission.objects.get(codename="publish_article"))
    person.groups.add(Group.objects.get(name="Lãnh đạo duyệt"))
    with site_context(site):
        assert not person.has_perm("articles.publish_article")
        assert not person.has_module_perms("articles")


def test_no_unit_no_permission(site, editor):
    """Outside a request (no current unit, no object) a non-superuser has none."""
    assert not editor.has_perm("articles.add_article")
    with site_context(site):
        assert editor.has_perm("articles.add_article")


def test_an_inactive_member_has_no_permission(site, editor):
    editor.is_active = False
    editor.save()
    with site_context(site):
        assert not editor.has_perm("articles.add_article")


def test_superusers_work_across_units(units, superuser):
    """A superuser needs no membership anywhere."""
    site_a, site_b = units
    article = make_article(category=make_category(site=site_b))
    with site_context(site_a):
        assert superuser.has_perm("articles.publish_article", article)


def test_with_perm_lists_the_roles_holders(units, editor, approver, superuser):
    """User.objects.with_perm answers from roles, superusers included."""
    _, site_b = units
    found = set(
        UnitRoleBackend()
        .with_perm("articles.publish_article")
        .values_list("username", flat=True)
    )
    assert found == {"lanhdao", "sieuquantri"}
    assert (
        not UnitRoleBackend()
        .with_perm(
            "articles.publish_article",
            include_superusers=False,
            obj=Article(site=site_b),
        )
        .exists()
    )
