"""`record()`: the one way an audit entry is written."""

from django.contrib.contenttypes.models import ContentType

from portal.audit.models import AuditEntry
from portal.client import client_address, salted_hash


def record(
    action, *, user=None, site=None, obj=None, summary="", request=None, username=""
):
    """Append one entry; `request` supplies the unit, user and address when given.

    `username` names who tried when there is no user (a failed login).
    """
    if request is not None:
        site = site or getattr(request, "site", None)
        if user is None and getattr(request, "user", None) is not None:
            user = request.user if request.user.is_authenticated else None
    entry = AuditEntry(
        action=action,
        site=site,
        user=user if user is not None and user.pk else None,
        username=user.get_username() if user is not None else username[:150],
        summary=summary[:2000],
        address_hash=salted_hash(client_address(request)) if request else "",
    )
    if obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj)
        entry.object_id = str(obj.pk)
        entry.object_repr = str(obj)[:300]
    entry.save()
    return entry
