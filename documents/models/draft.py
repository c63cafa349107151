from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from documents import search
from documents.models.lists import DocumentType, IssuingBody, Sector
from portal.sanitize import sanitize_html
from portal.tenancy import SiteQuerySet, unique_slug
from portal.workflow.models import Status, WorkflowModel, WorkflowQuerySet


class Window(models.TextChoices):
    UPCOMING = "upcoming", _("Not open yet")
    OPEN = "open", _("Open for comments")
    CLOSED = "closed", _("Closed")


class DraftQuerySet(WorkflowQuerySet):
    def open_on(self, today=None):
        today = today or timezone.localdate()
        return self.filter(opens_on__lte=today, closes_on__gte=today)

    def newest_first(self):
        return self.order_by("-opens_on", "-id")

    def search(self, query):
        words = search.query_words(query)
        if not words:
            return self.none()
        return self.annotate(
            _search=SearchVector("search_text", config="simple")
        ).filter(_search=SearchQuery(words, config="simple", search_type="plain"))


class Draft(WorkflowModel):
    """A draft document put out for citizens' comments (lấy ý kiến dự thảo).

    The window runs over whole Vietnamese days: from the start of `opens_on` to
    the end of `closes_on`, both included.
    """

    Status = Status
    revision_fields = (
        "title",
        "slug",
        "document_type",
        "sector",
        "drafting_body",
        "summary",
        "body",
        "opens_on",
        "closes_on",
        "feedback_report",
    )

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    title = models.CharField(_("name of the draft"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=220, blank=True, editable=False)
    document_type = models.ForeignKey(
        DocumentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
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
    drafting_body = models.ForeignKey(
        IssuingBody,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("drafting body"),
    )
    summary = models.TextField(_("summary"))
    body = CKEditor5Field(_("explanation"), blank=True, config_name="default")
    # Set by a merger of units (portal/merging.py): the former unit it came from.
    merged_from = models.CharField(
        _("from the former unit"), max_length=200, blank=True, editable=False
    )
    opens_on = models.DateField(_("comments open on"))
    closes_on = models.DateField(_("comments close after"))
    feedback_report = CKEditor5Field(
        _("summary of the comments received"),
        blank=True,
        config_name="default",
        help_text=_(
            "The report on the comments (báo cáo tổng hợp ý kiến), shown on the "
            "draft's page once the consultation has closed."
        ),
    )
    search_text = models.TextField(editable=False, default="")

    objects = DraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("draft for consultation")
        verbose_name_plural = _("drafts for consultation")
        ordering = ["-opens_on", "-id"]
        permissions = [("publish_draft", _("Can approve and publish drafts"))]
        constraints = [
            models.UniqueConstraint(fields=["site", "slug"], name="unique_draft_slug")
        ]
        indexes = [
            models.Index(
                fields=["site", "live", "-opens_on", "-id"], name="draft_listing"
            ),
            GinIndex(SearchVector("search_text", config="simple"), name="draft_search"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:draft", kwargs={"slug": self.slug})

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": _("The consultation cannot close before it opens.")}
            )

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        self.feedback_report = sanitize_html(self.feedback_report)
        if not self.slug:
            self.slug = unique_slug(Draft, self.site_id, self.title, self.pk, "du-thao")
        self.search_text = " ".join(
            search.expand_text(text)
            for text in (self.title, self.summary, strip_tags(self.body)[:20000])
        )
        super().save(*args, **kwargs)

    def window(self, today=None):
        today = today or timezone.localdate()
        if today < self.opens_on:
            return Window.UPCOMING
        if today > self.closes_on:
            return Window.CLOSED
        return Window.OPEN


class Opinion(models.Model):
    """A citizen's comment on a draft: read by staff, never shown publicly."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    draft = models.ForeignKey(
        Draft,
        on_delete=models.CASCADE,
        related_name="opinions",
        verbose_name=_("draft"),
    )
    name = models.CharField(_("full name"), max_length=100)
    # Contacts for staff only, erased after the unit's retention period
    # (portal/personal_data.py); the phone as E.164.
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    clause = models.CharField(_("article or clause"), max_length=200, blank=True)
    content = models.TextField(_("opinion"), max_length=5000)
    address_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(
        _("sent at"), default=timezone.now, editable=False
    )
    consented_at = models.DateTimeField(
        _("consent given at"), null=True, blank=True, editable=False
    )

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("opinion on a draft")
        verbose_name_plural = _("opinions on drafts")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["draft", "created_at"], name="opinion_draft_time")
        ]

    def __str__(self):
        return f"{self.name} – {self.draft}"
