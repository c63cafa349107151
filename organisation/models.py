"""A unit's organisation: departments (nested), positions and officials.

Decree 42/2022 Art. 4 §1(e): the organisation chart, the unit's address, phone,
fax and e-mail, and the name, position, phone and official e-mail of each
contact officer, in Vietnamese and in English. English names are stored beside
the Vietnamese ones; where one is missing the page falls back to Vietnamese.
"""

from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill

from portal.images import SafeImageField
from portal.phone import normalize_phone
from portal.tenancy import SiteQuerySet

MAX_DEPTH = 3  # unit › office › team: deeper charts stop being readable as lists


class OrganisationProfile(models.Model):
    """What the contact block adds to the unit profile: English name, fax."""

    site = models.OneToOneField(
        Site,
        on_delete=models.CASCADE,
        related_name="organisation_profile",
        verbose_name=_("unit"),
    )
    name_en = models.CharField(
        _("unit name in English"),
        max_length=200,
        blank=True,
        help_text=_("E.g. People's Committee of Tan Lap Ward."),
    )
    address_en = models.CharField(
        _("address in English"),
        max_length=300,
        blank=True,
        help_text=_("Empty: the Vietnamese address is shown."),
    )
    fax = models.CharField(_("fax"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")

    def __str__(self):
        return self.name_en or str(self.site)

    def save(self, *args, **kwargs):
        self.fax = normalize_phone(self.fax)
        super().save(*args, **kwargs)

    def clean(self):
        _clean_phone(self, "fax")


class Department(models.Model):
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("belongs to"),
    )
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    duties = models.TextField(_("functions and duties"), blank=True)
    duties_en = models.TextField(_("functions and duties in English"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "name"],
                name="unique_department_name",
                violation_error_message=_(
                    "This unit already has a department with this name."
                ),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if not self.parent_id:
            return
        parent = self.parent
        if parent.site_id != self.site_id:
            raise ValidationError({"parent": _("That department is another unit's.")})
        depth, ancestor = 1, parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": _("A department cannot belong to itself.")}
                )
            depth, ancestor = depth + 1, ancestor.parent
        if depth + self._height() > MAX_DEPTH:
            raise ValidationError(
                {
                    "parent": _(
                        "The chart has at most %(levels)s levels; choose a "
                        "department higher up."
                    )
                    % {"levels": MAX_DEPTH}
                }
            )

    def _height(self):
        """Levels below this department (0 when it has none)."""
        if not self.pk:
            return 0
        children = list(Department.objects.filter(parent=self.pk))
        return 1 + max(child._height() for child in children) if children else 0


class Position(models.Model):
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    name = models.CharField(
        _("job title"), max_length=200, help_text=_("E.g. Chủ tịch UBND phường.")
    )
    name_en = models.CharField(
        _("job title in English"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Chairman of the Ward People's Committee."),
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Higher titles first (smaller number).")
    )

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("job title")
        verbose_name_plural = _("job titles")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "name"],
                name="unique_position_name",
                violation_error_message=_(
                    "This unit already has a position with this title."
                ),
            )
        ]

    def __str__(self):
        return self.name


class OfficialQuerySet(SiteQuerySet):
    def for_page(self):
        """Every official of the organisation page with their position, in order."""
        return self.select_related("position").order_by(
            "position__position", "order", "name", "id"
        )


def photo_upload_to(instance, filename):
    return f"officials/{timezone.localdate():%Y/%m}/{filename}"


class Official(models.Model):
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    name = models.CharField(_("full name"), max_length=120)
    position = models.ForeignKey(
        Position,
        on_delete=models.PROTECT,
        related_name="officials",
        verbose_name=_("job title"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="officials",
        verbose_name=_("department"),
    )
    # E.164 (+84…) from portal.phone; shown in the national format.
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("official e-mail"), blank=True)
    photo = SafeImageField(_("photo"), upload_to=photo_upload_to, blank=True)
    photo_small = ImageSpecField(
        source="photo",
        processors=[ResizeToFill(160, 200)],
        format="JPEG",
        options={"quality": 82},
    )
    is_contact_officer = models.BooleanField(
        _("contact officer"),
        default=False,
        help_text=_("Answers citizens' and the press's enquiries for the unit."),
    )
    is_spokesperson = models.BooleanField(_("spokesperson"), default=False)
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_("Among officials of the same title (smaller first)."),
    )

    objects = OfficialQuerySet.as_manager()

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["position__position", "order", "name"]

    def __str__(self):
        return f"{self.name} – {self.position}" if self.position_id else self.name

    def save(self, *args, **kwargs):
        self.phone = normalize_phone(self.phone)
        super().save(*args, **kwargs)

    def clean(self):
        _clean_phone(self, "phone")
        for name in ("position", "department"):
            related = getattr(self, name) if getattr(self, f"{name}_id") else None
            if related is not None and related.site_id != self.site_id:
                raise ValidationError({name: _("That choice is another unit's.")})


def _clean_phone(obj, field):
    try:
        setattr(obj, field, normalize_phone(getattr(obj, field)))
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


def assignee_choices(site):
    """Departments and officials of `site` for portal.directory (grouped choices)."""
    departments = [
        (f"department:{pk}", name)
        for pk, name in Department.objects.for_site(site).values_list("pk", "name")
    ]
    officials = [
        (f"official:{official.pk}", f"{official.name} – {official.position.name}")
        for official in Official.objects.for_site(site).for_page()
    ]
    return [(_("Departments"), departments), (_("Officials"), officials)]
