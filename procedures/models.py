"""Administrative procedures (thủ tục hành chính) the unit handles.

Citizens submit online on the National Public Service Portal; the unit's portal
lists its procedures and links to each one's page there. It takes no
submissions itself.
"""

from urllib.parse import urlsplit

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from portal.sanitize import sanitize_html
from portal.tenancy import unique_slug
from portal.text import search_normalize
from portal.unit_lists import UnitList
from portal.workflow.models import Status, WorkflowModel, WorkflowQuerySet


def validate_https(url):
    """Only an https:// address with a host name is accepted."""
    parts = urlsplit(url or "")
    if parts.scheme != "https" or not parts.hostname:
        raise ValidationError(
            _("The link must be an https:// address, e.g. https://dichvucong.gov.vn/…"),
            code="not_https",
        )


class ProcedureField(UnitList):
    class Meta(UnitList.Meta):
        verbose_name = _("area of procedures")
        verbose_name_plural = _("areas of procedures")


class Level(models.TextChoices):
    COMMUNE = "xa", _("Commune level")
    DISTRICT = "huyen", _("District level")
    PROVINCE = "tinh", _("Province level")
    CENTRAL = "trung-uong", _("Central level")


class ProcedureQuerySet(WorkflowQuerySet):
    def for_listing(self):
        return self.select_related("field").only(
            "name", "slug", "code", "level", "processing_time", "field__name",
            "field__slug", "service_url",
        )  # fmt: skip

    def search(self, query):
        words = search_normalize(query)
        if not words:
            return self.none()
        return self.annotate(
            _search=SearchVector("search_text", config="simple")
        ).filter(_search=SearchQuery(words, config="simple", search_type="plain"))


class Procedure(WorkflowModel):
    Status = Status
    title_field = "name"
    revision_fields = (
        "code",
        "name",
        "slug",
        "field",
        "level",
        "processing_time",
        "fees",
        "required_papers",
        "service_url",
    )

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    code = models.CharField(
        _("code"),
        max_length=40,
        help_text=_("The procedure's code in the national database, e.g. 1.001193."),
    )
    name = models.CharField(_("name of the procedure"), max_length=400)
    slug = models.SlugField(_("slug"), max_length=220, blank=True, editable=False)
    field = models.ForeignKey(
        ProcedureField,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("area"),
    )
    level = models.CharField(
        _("level that handles it"),
        max_length=20,
        choices=Level.choices,
        default=Level.COMMUNE,
    )
    processing_time = models.CharField(
        _("processing time"), max_length=200, help_text=_("E.g. 03 ngày làm việc.")
    )
    fees = models.CharField(
        _("fees and charges"), max_length=300, help_text=_("E.g. Không; 50.000 đồng.")
    )
    required_papers = CKEditor5Field(
        _("required papers"), blank=True, config_name="default"
    )
    # Set by a merger of units (portal/merging.py): the former unit it came from.
    merged_from = models.CharField(
        _("from the former unit"), max_length=200, blank=True, editable=False
    )
    service_url = models.URLField(
        _("link on the National Public Service Portal"),
        max_length=500,
        blank=True,
        validators=[validate_https],
    )
    search_text = models.TextField(editable=False, default="")

    objects = ProcedureQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")
        ordering = ["name"]
        permissions = [("publish_procedure", _("Can approve and publish procedures"))]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "code"],
                name="unique_procedure_code",
                violation_error_message=_(
                    "This unit already has a procedure with this code."
                ),
            ),
            models.UniqueConstraint(
                fields=["site", "slug"], name="unique_procedure_slug"
            ),
        ]
        indexes = [
            models.Index(fields=["site", "live", "field"], name="procedure_listing"),
            GinIndex(
                SearchVector("search_text", config="simple"), name="procedure_search"
            ),
        ]

    def __str__(self):
        return f"{self.code} – {self.name}"

    def get_absolute_url(self):
        return reverse("procedures:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.field_id and self.site_id and self.field.site_id != self.site_id:
            raise ValidationError({"field": _("This entry belongs to another unit.")})

    def save(self, *args, **kwargs):
        self.required_papers = sanitize_html(self.required_papers)
        if not self.slug:
            self.slug = unique_slug(
                Procedure, self.site_id, self.name[:120], self.pk, "thu-tuc"
            )
        self.search_text = search_normalize(
            " ".join([self.code, self.name, strip_tags(self.required_papers)])
        )
        super().save(*args, **kwargs)
