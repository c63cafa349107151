"""A list one unit edits (kinds of document, fields, issuing bodies…): the base.

Each entry has a name unique in the unit (whatever the case), a slug for public
filter links and a position. `remember()` finds an entry by name or adds it, so
a name staff type once is offered to them again.
"""

from django.contrib.sites.models import Site
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from portal.tenancy import SiteQuerySet, unique_slug


class UnitList(models.Model):
    """An entry of one unit's list; its slug names it in public filter links."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SiteQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                "site",
                Lower("name"),
                name="%(app_label)s_%(class)s_unique_name",
                violation_error_message=_("This unit's list already has this name."),
            ),
            models.UniqueConstraint(
                fields=["site", "slug"], name="%(app_label)s_%(class)s_unique_slug"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = " ".join(self.name.split())
        if not self.slug:
            self.slug = unique_slug(
                type(self), self.site_id, self.name, self.pk, fallback="muc"
            )
        super().save(*args, **kwargs)

    @classmethod
    def remember(cls, site, name):
        """The entry named `name` (any case) of the unit's list, added if new."""
        name = " ".join((name or "").split())
        if not name:
            return None
        found = cls.objects.filter(site=site, name__iexact=name).first()
        return found or cls.objects.create(site=site, name=name)
