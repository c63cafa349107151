"""Where citizens' personal data live, declared by each app that takes them.

Law 91/2025 gives personal data a purpose and a retention limit. Each app that
stores a phone number or an e-mail address registers its model here (in its
AppConfig.ready), saying which fields are personal, which date starts the
retention period and what an erased row keeps. The retention command
(`manage.py purge_personal_data`) and the staff's search/export/erase of one
citizen's submissions then work on every kind without knowing the apps.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import models, transaction
from django.utils import timezone

_registry = {}


@dataclass(frozen=True)
class Kind:
    """One model holding citizens' personal data."""

    model: type[models.Model]
    # Field name → value it takes when erased ("" for contacts, "Công dân" for a
    # name printed beside published text, …).
    erased: dict
    date_field: str = "created_at"
    phone_field: str | None = None
    email_field: str | None = None
    site_field: str = "site"
    export_fields: tuple = field(default_factory=tuple)

    @property
    def label(self):
        return self.model._meta.verbose_name_plural

    def holding_data(self):
        """Rows that still hold something to erase."""
        condition = models.Q()
        for name, erased_value in self.erased.items():
            condition |= ~models.Q(**{name: erased_value})
        return self.model._default_manager.filter(condition)

    def erase(self, queryset):
        """Blank the personal fields of `queryset`; returns how many rows changed."""
        return queryset.filter(pk__in=self.holding_data().values("pk")).update(
            **self.erased
        )


def register(model, **options):
    _registry[model._meta.label] = Kind(model=model, **options)


def kinds():
    return list(_registry.values())


def expired(kind, site, months, now=None):
    """Rows of `site` past the retention period that still hold personal data."""
    now = now or timezone.now()
    # A month is counted as 31 days: never earlier than the unit promised.
    cutoff = now - timedelta(days=31 * months)
    return kind.holding_data().filter(
        **{kind.site_field: site, f"{kind.date_field}__lt": cutoff}
    )


def purge_expired(*, now=None, dry_run=False):
    """Erase what is past each unit's retention period; [(site, kind, count)]."""
    from django.contrib.sites.models import Site

    from portal.models import UnitProfile

    report = []
    with transaction.atomic():
        for site in Site.objects.order_by("id"):
            months = UnitProfile.retention_months_for(site)
            for kind in kinds():
                rows = expired(kind, site, months, now)
                count = rows.count() if dry_run else kind.erase(rows)
                report.append((site, kind, count))
    return report
