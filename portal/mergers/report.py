"""The merge report: per former unit, counts, categories, slugs and redirects."""

from django.utils.translation import gettext as _

from portal import merging


def _labels():
    return {mover.kind: str(mover.label) for mover in merging.movers()}


def report_rows(result):
    """Flat rows (unit, section, kind, old, new, unit) for the CSV and the digest."""
    labels = _labels()
    rows = []
    for report in result.reports:
        unit = report.site.domain
        for kind, n in report.counts.items():
            rows.append([unit, "count", labels.get(kind, kind), "", n, ""])
        for kind, old, target, new, created in report.categories:
            section = "category-new" if created else "category"
            rows.append(
                [unit, section, labels.get(kind, kind), old, new, target.domain]
            )
        for kind, old, new, target in report.slugs:
            rows.append([unit, "slug", labels.get(kind, kind), old, new, target.domain])
        for old_site, old_url, target, new_url in report.redirects:
            rows.append(
                [
                    unit,
                    "redirect",
                    "",
                    old_site.domain + old_url,
                    new_url,
                    target.domain,
                ]
            )
    return rows


def report_text(result):
    labels = _labels()
    lines = []
    if result.dry_run:
        lines.append(_("Dry run: nothing has been changed."))
    for report in result.reports:
        lines.append(f"== {report.site.name} ({report.site.domain})")
        for kind, n in report.counts.items():
            lines.append(f"  {labels.get(kind, kind)}: {n}")
        if report.categories:
            lines.append("  " + _("Categories:"))
        for _kind, old, target, new, created in report.categories:
            note = _(" (new)") if created else ""
            lines.append(f"    {old} → {new}{note} [{target.domain}]")
        if report.slugs:
            lines.append("  " + _("Changed addresses:"))
        for _kind, old, new, target in report.slugs:
            lines.append(f"    {old} → {new} [{target.domain}]")
        lines.append(
            "  " + _("Redirects: %(count)s") % {"count": len(report.redirects)}
        )
        for old_site, old_url, target, new_url in report.redirects:
            lines.append(f"    {old_site.domain}{old_url} → {target.domain}{new_url}")
    return "\n".join(lines)
