"""Writes with rules: copying a week's schedule to the next, audited."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from portal.audit.models import Action
from portal.audit.services import record
from portal.tenancy import user_can_manage_site
from schedule.models import Entry


def copy_week(*, site, week, user, request=None):
    """Copy the entries of `week` to the week after; answers the new entries.

    An entry already there (same day, time and content) is not copied twice, so
    pressing the button again changes nothing.
    """
    if not (user_can_manage_site(user, site) and user.has_perm("schedule.add_entry")):
        raise PermissionDenied(_("You may not add to this unit's schedule."))
    target = week.next
    with transaction.atomic():
        existing = {
            (entry.date, entry.start_time, entry.content)
            for entry in Entry.objects.for_site(site).in_week(target)
        }
        copies = [
            copy
            for copy in (
                entry.copy_to(7) for entry in Entry.objects.for_site(site).in_week(week)
            )
            if (copy.date, copy.start_time, copy.content) not in existing
        ]
        Entry.objects.bulk_create(copies)
        record(
            Action.CREATE,
            user=user,
            site=site,
            summary=_(
                "Copied %(count)s schedule entries from the week of %(source)s to "
                "the week of %(target)s."
            )
            % {
                "count": len(copies),
                "source": week.monday.strftime("%d/%m/%Y"),
                "target": target.monday.strftime("%d/%m/%Y"),
            },
            request=request,
        )
    return copies
