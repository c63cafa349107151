"""Roles per unit: what an editor, an approver and a unit administrator may do.

A staff member's role in a unit is their `Membership(site, user, role)`; the same
person may be an editor in one unit and an approver in another. What a role may
do is the permission set of a Group named after it ("Biên tập viên", "Lãnh đạo
duyệt", "Quản trị đơn vị"), created by a migration. Nobody is put INTO these
groups: they only carry the permission sets, and
`portal.backends.UnitRoleBackend` answers `user.has_perm()` from the user's
role in the unit of the request (or of the object asked about).

Each app says what each role gets, in its AppConfig.ready():

    from portal import roles

    roles.grant(roles.Role.EDITOR, "documents.add_document",
                "documents.change_document", "documents.view_document")
    roles.grant(roles.Role.APPROVER, "documents.publish_document")

A role includes the one below it: an approver may do all an editor may, a unit
administrator all an approver may (one membership per person and unit, and the
unit administrator sets the roles anyway, so keeping them apart would only make
small units create a second account). After every `migrate` (and test-database
flush) each group is set to exactly the registered permissions, once all apps'
permissions exist: the registry is the truth, the groups in the admin are its
copy. A grant naming a permission no model declares fails `manage.py check`.
"""

from collections import defaultdict

from django.apps import apps as global_apps
from django.core import checks
from django.db import DEFAULT_DB_ALIAS

from portal.models import Membership

Role = Membership.Role

# The group names are the issue's, in Vietnamese: they are what a superuser sees.
GROUP_NAMES = {
    Role.EDITOR: "Biên tập viên",
    Role.APPROVER: "Lãnh đạo duyệt",
    Role.UNIT_ADMIN: "Quản trị đơn vị",
}
INCLUDES = {Role.APPROVER: Role.EDITOR, Role.UNIT_ADMIN: Role.APPROVER}

_grants = defaultdict(set)


def grant(role, *permissions):
    """Give `role` (and the roles that include it) these "app_label.codename"s."""
    role = Role(role)
    for permission in permissions:
        if permission.count(".") != 1:
            raise ValueError(f"{permission!r} is not 'app_label.codename'.")
        _grants[role].add(permission)


def permissions_of(role):
    """Every "app_label.codename" the role has, its included roles' too."""
    role = Role(role)
    found = set(_grants[role])
    if role in INCLUDES:
        found |= permissions_of(INCLUDES[role])
    return frozenset(found)


def roles_with(permission):
    """The roles that hold `permission` ("app_label.codename")."""
    return [role for role in Role if permission in permissions_of(role)]


def sync_groups(using=DEFAULT_DB_ALIAS):
    """Create the role groups and set each to exactly its registered permissions.

    Permissions not in the database yet (a partial migrate) are left out until
    the next run.
    """
    from django.contrib.auth.models import Group, Permission

    known = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.using(using).values_list(
            "pk", "content_type__app_label", "codename"
        )
    }
    for role, name in GROUP_NAMES.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        wanted = [known[p] for p in permissions_of(role) if p in known]
        group.permissions.set(wanted)


def sync_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver: acts on the last app's signal, when every app's
    permissions have been created by django.contrib.auth's own receiver."""
    with_models = [c for c in global_apps.get_app_configs() if c.models_module]
    if with_models and sender.label == with_models[-1].label:
        sync_groups(using=using)


def declared_permissions():
    """Every "app_label.codename" the installed models declare (no database)."""
    names = set()
    for model in global_apps.get_models():
        opts = model._meta
        codenames = [
            f"{action}_{opts.model_name}" for action in opts.default_permissions
        ]
        codenames += [codename for codename, _ in opts.permissions]
        names.update(f"{opts.app_label}.{codename}" for codename in codenames)
    return names


@checks.register(checks.Tags.security)
def check_grants(app_configs=None, **kwargs):
    declared = declared_permissions()
    return [
        checks.Error(
            f"Role {role.value!r} is granted {permission!r}, which no model declares.",
            hint="Fix the roles.grant() call in that app's AppConfig.ready().",
            id="portal.E010",
        )
        for role, permissions in _grants.items()
        for permission in sorted(permissions - declared)
    ]
