"""A unit's free pages: Giới thiệu chung, Chức năng nhiệm vụ, the accessibility
statement… Reviewed and published through the workflow, like articles."""

from django.contrib.sites.models import Site
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from portal.sanitize import sanitize_html
from portal.tenancy import unique_slug
from portal.workflow.models import Status, WorkflowModel, WorkflowQuerySet


class PageQuerySet(WorkflowQuerySet):
    pass


class Page(WorkflowModel):
    Status = Status
    revision_fields = ("title", "slug", "body")

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="pages", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=320,
        blank=True,
        help_text=_("Made from the title when left empty."),
    )
    # Set by a merger of units (portal/merging.py): the former unit it came from.
    merged_from = models.CharField(
        _("from the former unit"), max_length=200, blank=True, editable=False
    )
    body = CKEditor5Field(_("content"), blank=True, config_name="default")

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["title"]
        permissions = [("publish_page", _("Can approve and publish pages"))]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "slug"],
                name="unique_page_slug",
                violation_error_message=_(
                    "This unit already has a page with this slug."
                ),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if not self.slug:
            self.slug = unique_slug(Page, self.site_id, self.title, self.pk, "trang")
        super().save(*args, **kwargs)

    @property
    def last_updated(self):
        """When the public text last changed: its publication, or a later one."""
        return max(self.published_at, self.updated_at or self.published_at)

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})
