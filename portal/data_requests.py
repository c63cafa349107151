"""A citizen's request about their personal data: find, export, erase (Law 91/2025).

Staff type the phone number or e-mail address the citizen gave; every kind of
row registered in portal.personal_data (comments today; consultations, questions
and whatever registers later, with no change here) is searched in the request's
unit. Export gives everything found as a CSV file; erasure applies each kind's
own erasure (its `erased` values), in one transaction. Only superusers and the
unit's administrators may do it; each export and erasure goes to the audit log,
which names the contact only by its last digits.
"""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from portal import personal_data
from portal.audit.models import Action
from portal.audit.services import record
from portal.models import Membership
from portal.phone import normalize_phone
from portal.tenancy import user_can_manage_site


@dataclass
class Found:
    kind: personal_data.Kind
    rows: list

    @property
    def label(self):
        return self.kind.label

    @property
    def entries(self):
        """[(row, [(field's verbose name, value), …])] of the kind's export fields."""
        meta = self.kind.model._meta
        return [
            (
                row,
                [
                    (meta.get_field(name).verbose_name, getattr(row, name))
                    for name in self.kind.export_fields
                ],
            )
            for row in self.rows
        ]


def may_handle(user, site):
    """Superusers, and administrators of the unit (role unit_admin)."""
    if not user_can_manage_site(user, site):
        return False
    return (
        user.is_superuser
        or Membership.objects.filter(
            user=user, site=site, role=Membership.Role.UNIT_ADMIN
        ).exists()
    )


def _require(user, site):
    if not may_handle(user, site):
        raise PermissionDenied(
            _("Only the unit's administrators handle these requests.")
        )


def contact_filter(kind, phone, email):
    condition = models.Q(pk__in=[])
    if phone and kind.phone_field:
        condition |= models.Q(**{kind.phone_field: phone})
    if email and kind.email_field:
        condition |= models.Q(**{f"{kind.email_field}__iexact": email})
    return condition


def clean_contact(phone="", email=""):
    """(E.164 phone, e-mail) as stored; ValidationError for a malformed phone."""
    phone = normalize_phone(phone) if phone else ""
    email = (email or "").strip()
    if not (phone or email):
        raise ValidationError(_("Type a phone number or an e-mail address."))
    return phone, email


def find(*, site, user, phone="", email=""):
    """Every registered row of `site` holding this phone or e-mail."""
    _require(user, site)
    phone, email = clean_contact(phone, email)
    found = []
    for kind in personal_data.kinds():
        rows = kind.model._default_manager.filter(
            contact_filter(kind, phone, email), **{kind.site_field: site}
        ).order_by(kind.date_field)
        found.append(Found(kind=kind, rows=list(rows)))
    return found


def masked(phone, email):
    parts = []
    if phone:
        parts.append("…" + phone[-3:])
    if email:
        parts.append("…@" + email.rsplit("@", 1)[-1])
    return ", ".join(parts)


def export_csv(*, site, user, phone="", email="", request=None):
    """Everything found, as CSV (one line per field), written to the audit log."""
    found = find(site=site, user=user, phone=phone, email=email)
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(buffer)
    writer.writerow([_("kind"), _("number"), _("field"), _("value")])
    count = 0
    for group in found:
        for row, values in group.entries:
            count += 1
            for label, value in values:
                writer.writerow([group.label, row.pk, label, value])
    record(
        Action.PERSONAL_DATA,
        user=user,
        site=site,
        request=request,
        summary=_("Exported %(count)s records of %(contact)s")
        % {"count": count, "contact": masked(*clean_contact(phone, email))},
    )
    return buffer.getvalue()


def erase(*, site, user, phone="", email="", request=None):
    """Erase the personal data of every row found; {kind label: rows changed}."""
    found = find(site=site, user=user, phone=phone, email=email)
    contact = masked(*clean_contact(phone, email))
    erased = {}
    with transaction.atomic():
        for group in found:
            pks = [row.pk for row in group.rows]
            queryset = group.kind.model._default_manager.filter(pk__in=pks)
            erased[str(group.label)] = group.kind.erase(queryset)
        record(
            Action.PERSONAL_DATA,
            user=user,
            site=site,
            request=request,
            summary=_("Erased the personal data of %(contact)s: %(counts)s")
            % {
                "contact": contact,
                "counts": ", ".join(f"{k}: {v}" for k, v in erased.items()),
            },
        )
    return erased
