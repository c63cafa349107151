import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

# The day the two-level local government began.
REFORM_DATE = datetime.date(2025, 7, 1)


class UnitSuccession(models.Model):
    """One predecessor of a unit: the old unit, the day, and whole or part of it.

    A unit split across several new ones has one row per successor; the one
    with the lowest position is its first successor (undecided items go there).
    """

    predecessor = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="successions_as_predecessor",
        verbose_name=_("former unit"),
    )
    successor = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="successions_as_successor",
        verbose_name=_("new unit"),
    )
    date = models.DateField(_("effective date"), default=REFORM_DATE)
    whole = models.BooleanField(
        _("the whole former unit"),
        default=True,
        help_text=_("Untick when only part of the former unit joined this unit."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("unit succession")
        verbose_name_plural = _("unit successions")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="unique_unit_succession"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=F("successor")),
                name="succession_not_itself",
                violation_error_message=_("A unit cannot succeed itself."),
            ),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"


class UnitArchive(models.Model):
    """An archived unit: its pages still answer (read-only), citizens' input is refused.

    A row of its own rather than a field of the unit profile, so that marking a
    unit archived never depends on how the profile is shaped.
    """

    site = models.OneToOneField(
        Site,
        on_delete=models.CASCADE,
        related_name="archive",
        verbose_name=_("unit"),
    )
    archived_on = models.DateField(_("archived on"), default=REFORM_DATE)

    class Meta:
        verbose_name = _("archived unit")
        verbose_name_plural = _("archived units")

    def __str__(self):
        return str(self.site)


class Redirect(models.Model):
    """An old address of a unit and where its content is now (301).

    Django's contrib.redirects keeps a target as a URL string; ours points at
    the target unit, so a redirect to a successor follows that unit's host
    name when it changes, and a chain is collapsed by comparing rows.
    """

    class Kind(models.TextChoices):
        MANUAL = "manual", _("Entered by staff")
        SLUG = "slug", _("Changed address")
        MERGE = "merge", _("Unit merger")
        IMPORT = "import", _("Imported from an old portal")

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    old_path = models.CharField(
        _("old address"),
        max_length=500,
        help_text=_("A path on this unit's host, e.g. /tin-tuc/123.html?id=5."),
    )
    target_site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("target unit"),
    )
    new_path = models.CharField(_("new address"), max_length=500)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.MANUAL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_path"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "old_path"],
                name="unique_redirect_path",
                violation_error_message=_("This old address already has a redirect."),
            )
        ]
        indexes = [
            # Re-pointing the rows that lead to a redirect's source.
            models.Index(fields=["target_site", "new_path"], name="redirect_target")
        ]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"


class ImportedItem(models.Model):
    """What an import made from one entry of an old portal: runs twice, creates once."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    source_key = models.CharField(
        _("source id"), max_length=500, help_text=_("The entry's GUID or address.")
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=64)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "source_key"], name="unique_imported_item"
            )
        ]

    def __str__(self):
        return self.source_key
