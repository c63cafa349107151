from django.conf import settings
from django.contrib.sites.models import Site
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from portal.images import SafeImageField
from portal.sanitize import sanitize_html

DEFAULT_RETENTION_MONTHS = 12


class UnitProfile(models.Model):
    """The local government unit behind a site: its record, and the page footer.

    Every Site has exactly one, made with it (portal/signals.py; a data migration
    for sites made before). What the footer shows is optional; `is_default`
    says which unit answers on the install's own host names (portal/sites.py).
    Unit mergers will add their state (archived, predecessors) here too.
    """

    site = models.OneToOneField(
        Site,
        on_delete=models.CASCADE,
        related_name="unit_profile",
        verbose_name=_("site"),
    )
    is_default = models.BooleanField(
        _("default unit"),
        default=False,
        help_text=_(
            "Answers on the installation's own addresses (e.g. localhost) that "
            "name no unit. At most one unit is the default."
        ),
    )
    name = models.CharField(
        _("unit name"),
        max_length=200,
        blank=True,
        help_text=_(
            "As it is written on the portal, e.g. PHƯỜNG TÂN LẬP - THÀNH PHỐ THÁI NGUYÊN."
        ),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    responsible_person = models.CharField(
        _("person responsible for content"), max_length=200, blank=True
    )
    copyright = models.CharField(_("copyright line"), max_length=300, blank=True)
    phones = models.TextField(
        _("phone numbers"), blank=True, help_text=_("One per line.")
    )
    emails = models.TextField(
        _("e-mail addresses"), blank=True, help_text=_("One per line.")
    )
    logo = SafeImageField(_("logo"), upload_to="unit/", blank=True)
    banner = SafeImageField(_("banner"), upload_to="unit/", blank=True)
    privacy_notice = CKEditor5Field(
        _("privacy notice"),
        blank=True,
        help_text=_(
            "How the unit processes citizens' personal data (Law 91/2025). Every "
            "form that takes personal data links to it; when empty, a standard "
            "notice naming the unit and the retention period is shown."
        ),
    )
    personal_data_retention_months = models.PositiveSmallIntegerField(
        _("retention of personal data (months)"),
        default=DEFAULT_RETENTION_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Phone numbers and e-mail addresses that citizens give are erased this "
            "many months after they were sent; what they wrote publicly stays."
        ),
    )

    class Meta:
        verbose_name = _("unit profile")
        verbose_name_plural = _("unit profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="one_default_unit",
                violation_error_message=_(
                    "Another unit is already the default: untick it there first."
                ),
            )
        ]

    def __str__(self):
        return self.name or str(self.site)

    def save(self, *args, **kwargs):
        self.privacy_notice = sanitize_html(self.privacy_notice)
        super().save(*args, **kwargs)

    @classmethod
    def retention_months_for(cls, site):
        months = (
            cls.objects.filter(site=site)
            .values_list("personal_data_retention_months", flat=True)
            .first()
        )
        return months or DEFAULT_RETENTION_MONTHS

    @property
    def phone_list(self):
        return [line.strip() for line in self.phones.splitlines() if line.strip()]

    @property
    def email_list(self):
        return [line.strip() for line in self.emails.splitlines() if line.strip()]


class Membership(models.Model):
    """A staff member of one unit, with their role there.

    Who may use the admin on that unit's host; the role says what they may do
    there (the same person may edit for one unit and approve for another).
    """

    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor")
        APPROVER = "approver", _("Approver")
        UNIT_ADMIN = "unit_admin", _("Unit administrator")

    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("unit"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.EDITOR
    )

    class Meta:
        verbose_name = _("unit membership")
        verbose_name_plural = _("unit memberships")
        constraints = [
            models.UniqueConstraint(fields=["site", "user"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user} @ {self.site} ({self.get_role_display()})"
