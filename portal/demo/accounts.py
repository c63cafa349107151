"""One demo account per role, so someone trying the portal can feel the workflow."""

import secrets

from django.contrib.auth import get_user_model

from portal.models import Membership

Role = Membership.Role
DEMO_STAFF = [
    ("bientap", Role.EDITOR, "Nguyễn Thị", "Biên"),
    ("lanhdao", Role.APPROVER, "Trần Văn", "Duyệt"),
    ("quantri", Role.UNIT_ADMIN, "Lê Minh", "Quản"),
]


def ensure_staff(site):
    """Create what is missing; answer [(username, role, password or None)].

    A password is made (and answered) only for an account created now: a second
    run never changes a password someone may already use.
    """
    User = get_user_model()
    accounts = []
    for username, role, first_name, last_name in DEMO_STAFF:
        user = User.objects.filter(username=username).first()
        password = None
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username,
                password=password,
                email=f"{username}@demo.invalid",
                first_name=first_name,
                last_name=last_name,
                is_staff=True,
            )
        Membership.objects.get_or_create(site=site, user=user, defaults={"role": role})
        accounts.append((username, role, password))
    return accounts
