from dataclasses import dataclass

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from portal.tenancy import SiteQuerySet

STARS = range(1, 6)


class CommentQuerySet(SiteQuerySet):
    def approved(self):
        """What the public may see: approved by the unit's staff."""
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def for_article_page(self, article):
        """Approved comments of the article, oldest first (the public list)."""
        return self.approved().filter(article=article).order_by("created_at", "id")


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="comments", verbose_name=_("site")
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("article"),
    )
    name = models.CharField(_("full name"), max_length=100)
    # E.164 (+84…) from portal.phone; never shown on public pages, erased after
    # the unit's retention period (manage.py purge_personal_data).
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    title = models.CharField(_("comment title"), max_length=200)
    content = models.TextField(_("comment content"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    # portal.client.salted_hash of the address: lets staff see floods, never the IP.
    address_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    consented_at = models.DateTimeField(
        _("consent given at"), null=True, blank=True, editable=False
    )
    reply = models.TextField(
        _("official reply"),
        blank=True,
        help_text=_("Shown under the comment, signed with the unit's name."),
    )
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("replied by"),
    )
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["article", "status", "created_at"], name="comment_article_page"
            ),
            models.Index(
                fields=["site", "status", "-created_at"], name="comment_moderation"
            ),
        ]

    def __str__(self):
        return self.title


@dataclass
class RatingSummary:
    """The votes of one article (comments/display.py says them to people)."""

    counts: dict  # {stars: votes} for 1..5
    total: int
    average: float | None
    mine: int | None  # the stars this visitor gave, if any

    @classmethod
    def from_row(cls, row):
        row = row or {}  # no ratings at all: zeros
        counts = {n: row.get(f"s{n}") or 0 for n in STARS}
        average = row.get("average")
        return cls(
            counts=counts,
            total=sum(counts.values()),
            average=float(average) if average is not None else None,
            mine=row.get("mine"),
        )

    @property
    def rows(self):
        return [(n, self.counts[n]) for n in STARS]


class Rating(models.Model):
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="ratings",
        verbose_name=_("article"),
    )
    # portal.client.salted_hash of the random id in the visitor's signed cookie.
    voter = models.CharField(max_length=64)
    address_hash = models.CharField(max_length=64, blank=True)
    stars = models.PositiveSmallIntegerField(_("stars"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "voter"], name="one_rating_per_voter"
            ),
            models.CheckConstraint(
                condition=Q(stars__gte=1, stars__lte=5), name="rating_stars_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.article_id}: {self.stars}"
