"""The permission backend: a staff member may do what their role in THIS unit allows.

"This unit" is the unit of the object asked about (`user.has_perm(p, article)`
looks at `article.site`), else the unit of the request being served
(portal.tenancy.current_site, set by SiteMiddleware). Outside both — a shell, a
command without a site — a non-superuser has no permission at all.

Permissions given to a user directly or through groups do NOT count: a global
grant would follow the person into every unit they work for, which is exactly
what roles per unit prevent. Superusers keep every permission (Django checks
them before any backend).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.contrib.sites.models import Site
from django.db.models import Case, Q, Value, When

from portal.models import Membership
from portal.roles import GROUP_NAMES, roles_with
from portal.tenancy import current_site


def _site_id(obj):
    if isinstance(obj, Site):
        return obj.pk
    site_id = getattr(obj, "site_id", None)
    if site_id is not None:
        return site_id
    site = current_site()
    return site.pk if site is not None else None


def role_permissions(user, site_id):
    """The "app_label.codename"s of the user's role in one unit, in one query."""
    group_name = Case(
        *[When(role=role, then=Value(name)) for role, name in GROUP_NAMES.items()]
    )
    role_group = (
        Membership.objects.filter(user=user, site_id=site_id, user__is_active=True)
        .annotate(group_name=group_name)
        .values("group_name")[:1]
    )
    rows = Permission.objects.filter(group__name=role_group).values_list(
        "content_type__app_label", "codename"
    )
    return frozenset(f"{app_label}.{codename}" for app_label, codename in rows)


class UnitRoleBackend(ModelBackend):
    """Authenticates like Django's ModelBackend; authorizes by role per unit."""

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous:
            return set()
        site_id = _site_id(obj)
        if site_id is None:
            return set()
        # Cached on the user object, which lives as long as one request.
        cache = user_obj.__dict__.setdefault("_portal_role_perms", {})
        if site_id not in cache:
            cache[site_id] = role_permissions(user_obj, site_id)
        return cache[site_id]

    def has_perm(self, user_obj, perm, obj=None):
        return perm in self.get_all_permissions(user_obj, obj)

    def has_module_perms(self, user_obj, app_label):
        prefix = f"{app_label}."
        return any(p.startswith(prefix) for p in self.get_all_permissions(user_obj))

    def with_perm(self, perm, is_active=True, include_superusers=True, obj=None):
        """Users whose role, in any unit (or `obj`'s unit), holds `perm`."""
        if not isinstance(perm, str):
            perm = f"{perm.content_type.app_label}.{perm.codename}"
        members = Membership.objects.filter(role__in=roles_with(perm))
        if obj is not None:
            members = members.filter(site_id=_site_id(obj))
        condition = Q(pk__in=members.values("user_id"))
        if include_superusers:
            condition |= Q(is_superuser=True)
        users = get_user_model()._default_manager.filter(condition)
        if is_active is not None:
            users = users.filter(is_active=is_active)
        return users
