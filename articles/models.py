from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

from portal.images import SafeImageField, private_original_path
from portal.links import slug_url
from portal.sanitize import sanitize_html
from portal.tenancy import SiteQuerySet, unique_slug
from portal.workflow.models import Status, WorkflowModel, WorkflowQuerySet


class CategoryQuerySet(SiteQuerySet):
    def menu(self):
        """Top-level menu entries with their sub-categories, in order."""
        return self.filter(in_menu=True, parent__isnull=True).prefetch_related(
            models.Prefetch("children", queryset=Category.objects.filter(in_menu=True))
        )


class Category(models.Model):
    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="categories",
        verbose_name=_("site"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent category"),
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    in_menu = models.BooleanField(_("shown in the menu"), default=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "slug"],
                name="unique_category_slug",
                violation_error_message=_(
                    "This unit already has a category with this slug."
                ),
            )
        ]

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Category, self.site_id, self.name, self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:category", self.slug)

    def clean(self):
        if self.parent_id:
            if self.parent.parent_id:
                raise ValidationError(
                    {"parent": _("Only one level of sub-categories is allowed.")}
                )
            if self.parent.site_id != self.site_id:
                raise ValidationError(
                    {"parent": _("The parent belongs to another unit.")}
                )
            if self.pk and self.children.exists():
                raise ValidationError(
                    {"parent": _("A category with sub-categories cannot become one.")}
                )


class ArticleQuerySet(WorkflowQuerySet):
    def in_category(self, category):
        """Articles of a category and of its sub-categories."""
        # A sub-select of ids (not an OR over a join) lets PostgreSQL walk the
        # listing index newest first and stop at the page's last row.
        ids = Category.objects.filter(Q(pk=category.pk) | Q(parent=category.pk))
        return self.filter(category__in=ids.values("pk"))

    def for_listing(self):
        """What a list of articles shows (no body), with the category in one query."""
        return self.select_related("category").defer("body")

    def newest_first(self):
        return self.order_by("-published_at", "-id")

    def latest_per_section(self, sections, per_section):
        """The newest `per_section` articles of each section, in one query.

        One small LIMIT query per top-level category, glued with UNION ALL: each
        stops after a few index rows, where a window over all articles would read
        every article of the site on every home page view.
        """
        branches = [
            self.in_category(section)
            .annotate(section_id=Value(section.pk))
            .newest_first()[:per_section]
            for section in sections
        ]
        if not branches:
            return self.none()
        return branches[0].union(*branches[1:], all=True)


def cover_upload_to(instance, filename):
    # Only the renditions (cover_small, cover_medium) are published.
    return private_original_path(f"covers/{timezone.localdate():%Y/%m}", filename)


class Article(WorkflowModel):
    Status = Status
    revision_fields = (
        "title",
        "slug",
        "category",
        "lead",
        "body",
        "cover",
        "cover_caption",
        "author",
        "source",
        "featured",
    )

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="articles", verbose_name=_("site")
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("category"),
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=320,
        blank=True,
        help_text=_("Made from the title when left empty."),
    )
    lead = models.TextField(_("lead"), blank=True)
    body = CKEditor5Field(_("body"), blank=True, config_name="default")
    cover = SafeImageField(_("cover image"), upload_to=cover_upload_to, blank=True)
    cover_caption = models.CharField(_("cover caption"), max_length=300, blank=True)
    cover_small = ImageSpecField(
        source="cover",
        processors=[ResizeToFit(480, 480, upscale=False)],
        format="JPEG",
        options={"quality": 80},
    )
    cover_medium = ImageSpecField(
        source="cover",
        processors=[ResizeToFit(960, 960, upscale=False)],
        format="JPEG",
        options={"quality": 82},
    )
    author = models.CharField(_("author"), max_length=120, blank=True)
    source = models.CharField(
        _("source prefix"),
        max_length=40,
        blank=True,
        help_text=_('Shown before the lead, e.g. "HNP".'),
    )
    featured = models.BooleanField(_("featured"), default=False)
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)
    # Set by a merger of units (portal/merging.py): the former unit it came from.
    merged_from = models.CharField(
        _("from the former unit"), max_length=200, blank=True, editable=False
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        permissions = [("publish_article", _("Can approve and publish articles"))]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "slug"],
                name="unique_article_slug",
                violation_error_message=_(
                    "This unit already has an article with this slug."
                ),
            )
        ]
        indexes = [
            # Listings order by (published_at, id) newest first; with id in the
            # index a page is read straight off it, without sorting.
            models.Index(
                fields=["site", "live", "-published_at", "-id"],
                name="article_site_listing",
            ),
            models.Index(
                fields=["category", "live", "-published_at", "-id"],
                name="article_category_listing",
            ),
            models.Index(
                fields=["site", "-published_at", "-id"],
                condition=Q(featured=True),
                name="article_featured",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if not self.slug:
            self.slug = unique_slug(Article, self.site_id, self.title, self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:detail", self.slug)

    def clean(self):
        if self.category_id and self.site_id and self.category.site_id != self.site_id:
            raise ValidationError(
                {"category": _("The category belongs to another unit.")}
            )
