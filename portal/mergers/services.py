"""Merging units: one service, one transaction, all or nothing.

`merge_units()` runs every registered mover (portal/merging.py) for each old
unit, records the history (successions, the archive) and the audit entry. A
dry run is the very same run, rolled back at the end: its report is what a
real run would do, and it leaves nothing behind.
"""

import csv
import hashlib
import io
from dataclasses import dataclass

from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal import merging, unit_history
from portal.audit.models import Action
from portal.audit.services import record
from portal.mergers import redirects
from portal.mergers.models import REFORM_DATE, Redirect, UnitArchive, UnitSuccession
from portal.mergers.report import report_rows, report_text
from portal.models import UnitProfile


class ReportChanged(Exception):
    """The content changed between the dry run that was shown and the confirmation."""

    def __init__(self, result):
        self.result = result
        super().__init__(
            _(
                "The content of these units changed since the preview was made; "
                "here is the new preview. Check it and confirm again."
            )
        )


@dataclass
class MergeResult:
    reports: list  # UnitReport, one per old unit, in the given order
    successors: list
    dry_run: bool

    @property
    def rows(self):
        return report_rows(self)

    @property
    def digest(self):
        text = "\n".join("|".join(map(str, row)) for row in self.rows)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def text(self):
        return report_text(self)

    def csv(self):
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [_("Former unit"), _("Section"), _("Kind"), _("Old"), _("New"), _("Unit")]
        )
        writer.writerows(self.rows)
        return "\ufeff" + out.getvalue()


def parse_assignments(text, successors):
    """`kind,key,domain` lines (e.g. `category,tin-tuc,b.example.vn`) → a dict.

    Which successor of a divided unit gets an item (`article,<slug>`) or every
    item of a category (`category,<slug>`); the rest goes to the first.
    """
    by_domain = {site.domain.lower(): site for site in successors}
    assignments = {}
    for line, row in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff"))), 1):
        if not row or not "".join(row).strip() or row[0].strip() == "kind":
            continue
        if len(row) != 3:
            raise ValidationError(
                _("Line %(line)s: three columns are needed: kind, slug, unit.")
                % {"line": line}
            )
        kind, key, domain = (cell.strip() for cell in row)
        if domain.lower() not in by_domain:
            raise ValidationError(
                _("Line %(line)s: %(domain)s is not one of the new units.")
                % {"line": line, "domain": domain}
            )
        assignments[(kind, key)] = by_domain[domain.lower()]
    return assignments


def check_units(into, sources):
    if not into or not sources:
        raise ValidationError(_("Name the new unit and at least one former unit."))
    if {s.pk for s in into} & {s.pk for s in sources}:
        raise ValidationError(_("A unit cannot be merged into itself."))
    archived = UnitArchive.objects.filter(site__in=[*into, *sources])
    names = ", ".join(str(row.site) for row in archived.select_related("site"))
    if names:
        raise ValidationError(
            _("Already archived (merged before): %(units)s.") % {"units": names}
        )


def merge_units(
    *,
    into,
    sources,
    user=None,
    assignments=None,
    dry_run=False,
    date=REFORM_DATE,
    request=None,
    expected_digest=None,
):
    """Move everything of the `sources` units to the `into` units; archive the sources.

    `user` is a superuser (None: the command line). With several `into` units
    the source is divided: `assignments` ({(kind, key): site}) choose, the rest
    goes to the first. `expected_digest`: the digest of the preview the user
    confirmed; if the run differs, nothing is kept and ReportChanged is raised.
    """
    if user is not None and not user.is_superuser:
        raise PermissionDenied(_("Only a superuser can merge units."))
    into, sources = list(into), list(sources)
    check_units(into, sources)
    whole = len(into) == 1

    def redirect(old_site, old_path, target, new_path):
        redirects.add_redirect(
            site=old_site,
            old_path=old_path,
            new_path=new_path,
            target_site=target,
            kind=Redirect.Kind.MERGE,
        )

    ctx = merging.MergeContext(
        successors=into,
        assignments=assignments or {},
        redirect=redirect,
        origins={site.pk: site.name for site in sources},
    )
    with transaction.atomic():
        for old in sources:
            ctx.report(old)
            for mover in merging.movers():
                ctx.count(old, mover.kind, mover.move(ctx, old) or 0)
            for position, new in enumerate(into):
                UnitSuccession.objects.create(
                    predecessor=old,
                    successor=new,
                    date=date,
                    whole=whole,
                    position=position,
                )
            UnitArchive.objects.create(site=old, archived_on=date)
            # The install's own addresses (localhost, its server name) keep
            # answering with a unit in service: the default moves on.
            if UnitProfile.objects.filter(site=old, is_default=True).update(
                is_default=False
            ):
                UnitProfile.objects.filter(site=into[0]).update(is_default=True)
        result = MergeResult([ctx.reports[site.pk] for site in sources], into, dry_run)
        record(
            Action.MERGE,
            user=user,
            site=into[0],
            summary=_("%(old)s merged into %(new)s.\n")
            % {
                "old": ", ".join(site.name for site in sources),
                "new": ", ".join(site.name for site in into),
            }
            + result.text(),
            request=request,
        )
        if expected_digest and expected_digest != result.digest:
            transaction.set_rollback(True)
            result.dry_run = True
            raise ReportChanged(result)
        if dry_run:
            transaction.set_rollback(True)
    unit_history.forget(*(site.pk for site in [*into, *sources]))
    return result


def sites_by_domain(domains):
    """Sites in the order their domains are given; ValidationError for unknown ones."""
    found = {site.domain.lower(): site for site in Site.objects.all()}
    missing = [d for d in domains if d.lower() not in found]
    if missing:
        raise ValidationError(
            _("No unit has the host name %(hosts)s.") % {"hosts": ", ".join(missing)}
        )
    return [found[d.lower()] for d in domains]
