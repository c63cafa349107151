"""Writing and following redirects: one hop always, never a loop.

Every redirect is written by `add_redirect()`: when its target is itself an old
address, it points straight at that one's target; rows that led to its old
address are re-pointed at its target. So every stored row is one hop, and a
row that would lead back to itself is refused.
"""

import csv
import io
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http.request import split_domain_port
from django.utils.translation import gettext as _

from portal.audit.models import Action
from portal.audit.services import record
from portal.mergers.models import Redirect

MAX_PATH = 500


def normalize_path(value):
    """'/a/b?x=1' from a path or a full URL; ValidationError when it is neither."""
    value = (value or "").strip()
    parts = urlsplit(value)
    path = parts.path or "/"
    if not path.startswith("/"):
        raise ValidationError(_("“%(value)s” is not an address.") % {"value": value})
    path = f"{path}?{parts.query}" if parts.query else path
    if len(path) > MAX_PATH:
        raise ValidationError(_("The address is too long."))
    return path


def site_of_url(value, default):
    """The unit whose host a full URL names; `default` for a bare path."""
    host = urlsplit((value or "").strip()).hostname
    if not host:
        return default
    site = Site.objects.filter(domain__iexact=host).first()
    if site is None:
        raise ValidationError(
            _("No unit of this portal has the host name %(host)s.") % {"host": host}
        )
    return site


def add_redirect(
    *, site, old_path, new_path, target_site=None, kind=Redirect.Kind.MANUAL, user=None
):
    """Create (or change) the redirect of `old_path` on `site`; answer the row.

    Raises ValidationError for a loop. The caller writes the audit entry (one
    per merge or import, one per change by staff: `record_change`).
    """
    old_path, new_path = normalize_path(old_path), normalize_path(new_path)
    with transaction.atomic():
        target_site, new_path = check_redirect(
            site=site, old_path=old_path, target_site=target_site, new_path=new_path
        )
        row, _created = Redirect.objects.update_or_create(
            site=site,
            old_path=old_path,
            defaults={"target_site": target_site, "new_path": new_path, "kind": kind},
        )
        # Rows that led here lead on, in one hop; one that would lead to its
        # own address is what it redirected to before: no longer needed.
        leading_here = Redirect.objects.filter(target_site=site, new_path=old_path)
        leading_here.filter(site=target_site, old_path=new_path).delete()
        leading_here.update(target_site=target_site, new_path=new_path)
    return row


def check_redirect(*, site, old_path, target_site, new_path):
    """The final (site, path) of a new redirect, one hop; ValidationError on a loop."""
    target_site = target_site or site
    onward = Redirect.objects.filter(site=target_site, old_path=new_path).first()
    if onward is not None:  # the target moved on: skip the middle hop
        target_site, new_path = onward.target_site, onward.new_path
    if (target_site.pk, new_path) == (site.pk, old_path):
        raise ValidationError(
            _("%(path)s would lead back to itself: redirects may not loop.")
            % {"path": old_path}
        )
    return target_site, new_path


def record_change(row, *, user, request=None, deleted=False):
    verb = _("Deleted redirect") if deleted else _("Redirect")
    record(
        Action.SETTINGS,
        user=user,
        site=row.site,
        obj=row,
        summary=f"{verb}: {row.old_path} → {row.target_site.domain}{row.new_path}",
        request=request,
    )


def find(site, request):
    """The redirect of this request's address on `site`, or None (one query)."""
    full, path = request.get_full_path(), request.path
    candidates = [full, path]
    if not path.endswith("/"):
        candidates.append(path + "/")
    rows = {
        row.old_path: row
        for row in Redirect.objects.filter(
            site=site, old_path__in=candidates
        ).select_related("target_site")
    }
    return next((rows[c] for c in candidates if c in rows), None)


def absolute_url(request, site, path):
    """`path` on `site`: relative on the same host, else with the site's host.

    The scheme and, when the site's domain has none, the port are the
    request's: every unit is served by the same servers.
    """
    current = getattr(request, "site", None)
    if current is not None and current.pk == site.pk:
        return path
    domain = site.domain
    _host, port = split_domain_port(request.get_host())
    if port and port not in ("80", "443") and ":" not in domain:
        domain = f"{domain}:{port}"
    return f"{request.scheme}://{domain}{path}"


def target_url(request, row):
    return absolute_url(request, row.target_site, row.new_path)


@dataclass
class CsvResult:
    created: list = field(default_factory=list)  # (old, target domain, new)
    errors: list = field(default_factory=list)  # (line, message)


def import_csv(*, site, text, user, dry_run=False, request=None):
    """Redirects from a CSV of `old,new` lines (paths or full URLs); all or nothing.

    An old URL on another unit's host is that unit's address; a new URL on
    another unit's host points there. A dry run checks and lists, writes nothing.
    """
    result = CsvResult()
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    with transaction.atomic():
        for line, row in enumerate(rows, start=1):
            if not row or not "".join(row).strip():
                continue
            if line == 1 and row[0].strip().lower() in {"old", "cu", "cũ", "from"}:
                continue  # a header line
            if len(row) < 2:
                result.errors.append((line, _("Two columns are needed: old, new.")))
                continue
            try:
                old_site = site_of_url(row[0], site)
                target = site_of_url(row[1], site)
                with transaction.atomic():
                    made = add_redirect(
                        site=old_site,
                        old_path=row[0],
                        new_path=row[1],
                        target_site=target,
                        kind=Redirect.Kind.IMPORT,
                        user=user,
                    )
            except ValidationError as error:
                result.errors.append((line, " ".join(error.messages)))
                continue
            result.created.append(
                (made.old_path, made.target_site.domain, made.new_path)
            )
        if dry_run or result.errors:
            transaction.set_rollback(True)
        else:
            record(
                Action.SETTINGS,
                user=user,
                site=site,
                summary=_("Imported %(count)s redirects from a CSV file.")
                % {"count": len(result.created)},
                request=request,
            )
    return result
