from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal import menu
from portal.tenancy import SiteQuerySet


class MenuItemQuerySet(SiteQuerySet):
    def shown(self):
        return self.filter(visible=True)


class MenuItem(models.Model):
    """One entry of a unit's menu: a registered target, an external link or a heading."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("under the entry"),
        help_text=_("Leave empty for an entry of the menu bar itself."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_("Shown in the menu. Empty: the name of what the entry opens."),
    )
    target = models.CharField(_("opens"), max_length=40)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    content_object = GenericForeignKey("content_type", "object_id")
    url = models.URLField(
        _("web address"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("For an external link only, e.g. https://dichvucong.gov.vn"),
    )
    visible = models.BooleanField(_("shown"), default=True)

    objects = MenuItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("menu entry")
        verbose_name_plural = _("menu")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["site", "position"], name="menuitem_site")]

    def __str__(self):
        if self.label:
            return self.label
        if self.target == menu.EXTERNAL:
            return self.url
        target = menu.target(self.target)
        if target and target.model:
            return str(self.content_object or target.label)
        return str(target.label) if target else self.target

    def save(self, *args, **kwargs):
        if self.target != menu.EXTERNAL:
            self.url = ""
        target = menu.target(self.target)
        if target is None or target.model is None:
            self.content_type, self.object_id = None, None
        else:
            self.content_type = ContentType.objects.get_for_model(target.model)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        target = menu.target(self.target)
        if self.target == menu.EXTERNAL:
            if not self.url:
                errors["url"] = _("Enter the address the link opens.")
            if not self.label:
                errors["label"] = _("Give the link a label.")
        elif self.target == menu.HEADING:
            if not self.label:
                errors["label"] = _("Give the heading a label.")
            if self.parent_id:
                errors["parent"] = _("A heading belongs to the menu bar itself.")
        elif not self._target_exists(target):
            errors["target"] = _("Choose what the entry opens.")
        if self.parent_id:
            parent = self.parent
            if parent.site_id != self.site_id:
                errors["parent"] = _("The parent entry belongs to another unit.")
            elif parent.parent_id or parent.pk == self.pk:
                errors["parent"] = _("Only one level of sub-entries is allowed.")
            elif self.pk and self.children.exists():
                errors["parent"] = _("An entry with sub-entries cannot become one.")
        if errors:
            raise ValidationError(errors)

    def _target_exists(self, target):
        if target is None:
            return False
        if target.model is None:
            return True
        return (
            self.object_id is not None
            and target.objects_for_staff(self.site).filter(pk=self.object_id).exists()
        )
