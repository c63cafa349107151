from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from documents import search
from documents.models.lists import DocumentType, IssuingBody, Sector, Signer
from portal.sanitize import sanitize_html
from portal.tenancy import unique_slug
from portal.workflow.models import Status, WorkflowModel, WorkflowQuerySet


class EffectStatus(models.TextChoices):
    """Computed from the dates and from replacement on every read; never stored."""

    NOT_YET = "chua-hieu-luc", _("Not yet in effect")
    IN_EFFECT = "con-hieu-luc", _("In effect")
    ENDED = "het-hieu-luc", _("No longer in effect")


class DocumentQuerySet(WorkflowQuerySet):
    def for_listing(self):
        """What a list of documents shows, in one query (no body)."""
        return self.select_related("document_type", "issuing_body").defer(
            "body", "search_text", "number_key"
        )

    def newest_first(self):
        return self.order_by("-issue_date", "-id")

    def search(self, query):
        """Accent-insensitive search over number, symbol, type and summary."""
        words = search.query_words(query)
        if not words:
            return self.none()
        return self.annotate(
            _search=SearchVector("search_text", config="simple")
        ).filter(_search=SearchQuery(words, config="simple", search_type="plain"))

    def with_replacement(self):
        """Annotate `replaced_on`: when the first public replacing document took effect."""
        replacing = (
            DocumentRelation.objects.filter(
                target=OuterRef("pk"),
                kind=DocumentRelation.Kind.REPLACES,
                source__in=Document.objects.published().values("pk"),
            )
            .order_by("source__effective_date")
            .values("source__effective_date")[:1]
        )
        return self.annotate(replaced_on=Subquery(replacing))

    def in_effect_status(self, status, today=None):
        """Documents whose effect status is `status` on `today` (a Vietnamese date)."""
        today = today or timezone.localdate()
        queryset = self.with_replacement()
        if status == EffectStatus.ENDED:
            return queryset.filter(
                Q(expiry_date__lte=today) | Q(replaced_on__lte=today)
            )
        queryset = queryset.filter(
            Q(expiry_date__isnull=True) | Q(expiry_date__gt=today),
            Q(replaced_on__isnull=True) | Q(replaced_on__gt=today),
        )
        if status == EffectStatus.NOT_YET:
            return queryset.filter(effective_date__gt=today)
        return queryset.filter(effective_date__lte=today)


class Document(WorkflowModel):
    """A legal or administrative document the unit (or another body) issued."""

    Status = Status
    # What "Việc của tôi" and notifications name it by.
    title_field = "number"
    revision_fields = (
        "number",
        "slug",
        "document_type",
        "sector",
        "issuing_body",
        "signer",
        "issue_date",
        "effective_date",
        "expiry_date",
        "summary",
        "body",
    )

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    number = models.CharField(
        _("number and symbol"),
        max_length=100,
        help_text=_("As written on the document, e.g. 15/2024/QĐ-UBND."),
    )
    # The number without case, accents and spaces: "15/2024/QĐ-UBND" and
    # "15/2024/qd-ubnd" are one document of the unit.
    number_key = models.CharField(max_length=100, editable=False, default="")
    slug = models.SlugField(_("slug"), max_length=220, blank=True, editable=False)
    document_type = models.ForeignKey(
        DocumentType,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document type"),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("area"),
    )
    issuing_body = models.ForeignKey(
        IssuingBody,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issuing body"),
    )
    signer = models.ForeignKey(
        Signer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signer"),
    )
    issue_date = models.DateField(_("issue date"))
    effective_date = models.DateField(
        _("effective date"),
        blank=True,
        help_text=_("Left empty: the issue date."),
    )
    expiry_date = models.DateField(
        _("expiry date"),
        null=True,
        blank=True,
        help_text=_("Optional: from this day on the document is no longer in effect."),
    )
    summary = models.TextField(_("summary"))
    body = CKEditor5Field(_("full text"), blank=True, config_name="default")
    search_text = models.TextField(editable=False, default="")
    # Set by a merger of units (portal/merging.py): the former unit it came from.
    merged_from = models.CharField(
        _("from the former unit"), max_length=200, blank=True, editable=False
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issue_date", "-id"]
        permissions = [("publish_document", _("Can approve and publish documents"))]
        constraints = [
            # A number is unique per issuing body: the unit publishes the
            # province's documents too, and after a merger those of the former
            # units, whose "15/2024/QĐ-UBND" are other documents than its own.
            models.UniqueConstraint(
                fields=["site", "issuing_body", "number_key"],
                name="unique_document_number",
            ),
            models.UniqueConstraint(
                fields=["site", "slug"], name="unique_document_slug"
            ),
        ]
        indexes = [
            # The list reads a page straight off this index, newest first.
            models.Index(
                fields=["site", "live", "-issue_date", "-id"], name="document_listing"
            ),
            GinIndex(
                SearchVector("search_text", config="simple"), name="document_search"
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"slug": self.slug})

    @staticmethod
    def key_of(number):
        return "".join(search.words_of(number))[:100]

    def clean(self):
        if self.effective_date is None:
            self.effective_date = self.issue_date
        errors = {}
        if (
            self.expiry_date
            and self.effective_date
            and self.expiry_date <= self.effective_date
        ):
            errors["expiry_date"] = _(
                "The expiry date must come after the effective date."
            )
        if self.number and self.site_id and self.issuing_body_id:
            taken = Document.objects.filter(
                site_id=self.site_id,
                issuing_body_id=self.issuing_body_id,
                number_key=self.key_of(self.number),
            ).exclude(pk=self.pk)
            if taken.exists():
                errors["number"] = _(
                    "This unit already has a document of this issuing body with "
                    "this number."
                )
        for name in ("document_type", "sector", "issuing_body", "signer"):
            value = getattr(self, name, None) if getattr(self, f"{name}_id") else None
            if value is not None and value.site_id != self.site_id:
                errors[name] = _("This entry belongs to another unit.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.effective_date is None:
            self.effective_date = self.issue_date
        self.body = sanitize_html(self.body)
        self.number_key = self.key_of(self.number)
        if not self.slug:
            self.slug = unique_slug(
                Document,
                self.site_id,
                self.number.replace("/", "-"),
                self.pk,
                "van-ban",
            )
        self.search_text = search.search_text(
            number=self.number,
            texts=[
                self.document_type.name,
                self.summary,
                self.issuing_body.name,
                strip_tags(self.body)[:20000],
            ],
        )
        super().save(*args, **kwargs)

    def effect_status(self, today=None):
        """Not yet in effect, in effect, or ended (expired or replaced) on `today`."""
        today = today or timezone.localdate()
        replaced_on = self.replaced_since()
        if (self.expiry_date and self.expiry_date <= today) or (
            replaced_on and replaced_on <= today
        ):
            return EffectStatus.ENDED
        if self.effective_date > today:
            return EffectStatus.NOT_YET
        return EffectStatus.IN_EFFECT

    def replaced_since(self):
        if not hasattr(self, "replaced_on"):
            self.replaced_on = (
                Document.objects.filter(pk=self.pk)
                .with_replacement()
                .values_list("replaced_on", flat=True)
                .first()
            )
        return self.replaced_on

    def is_replaced(self, today=None):
        replaced_on = self.replaced_since()
        return bool(replaced_on and replaced_on <= (today or timezone.localdate()))


class DocumentRelation(models.Model):
    """`source` replaces, amends or supplements `target` (shown on both pages)."""

    class Kind(models.TextChoices):
        REPLACES = "replaces", _("Replaces")
        AMENDS = "amends", _("Amends")
        SUPPLEMENTS = "supplements", _("Supplements")

    INVERSE = {
        Kind.REPLACES: _("Replaced by"),
        Kind.AMENDS: _("Amended by"),
        Kind.SUPPLEMENTS: _("Supplemented by"),
    }

    source = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="outgoing_relations",
        verbose_name=_("document"),
    )
    kind = models.CharField(_("relation"), max_length=20, choices=Kind.choices)
    target = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="incoming_relations",
        verbose_name=_("related document"),
    )

    class Meta:
        verbose_name = _("related document")
        verbose_name_plural = _("related documents")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"], name="unique_document_relation"
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="document_relation_not_itself",
            ),
        ]

    def __str__(self):
        return f"{self.source} – {self.get_kind_display()} – {self.target}"

    @property
    def inverse_label(self):
        return self.INVERSE[self.kind]

    def clean(self):
        if self.source_id and self.target_id:
            if self.source_id == self.target_id:
                raise ValidationError(
                    {"target": _("A document cannot relate to itself.")}
                )
            if self.source.site_id != self.target.site_id:
                raise ValidationError(
                    {"target": _("The related document belongs to another unit.")}
                )
