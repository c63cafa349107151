"""Citizens' questions and the unit's public answers (hỏi đáp).

A question arrives as a draft holding the asker's name and contacts; staff assign
it, write the answer and publish it through the workflow (portal/workflow), so
an answer is reviewed like an article. The asker follows it with a tracking
code, without an account. Contacts are never shown publicly and are erased after
the unit's retention period; the published question then reads "Công dân".
"""

import secrets

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

ANONYMOUS = "Công dân"
# Easy to read aloud and type: no 0/O, 1/I. 32**8 ≈ 10**12 codes.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_tracking_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_tracking_code(typed):
    """What a citizen typed ('abcd-efgh ', 'ABCD EFGH') → 'ABCDEFGH'."""
    return "".join(ch for ch in (typed or "").upper() if ch.isalnum())[:40]


class Topic(UnitList):
    """A field (lĩnh vực) questions are filed under: civil status, land…"""

    class Meta(UnitList.Meta):
        verbose_name = _("field")
        verbose_name_plural = _("fields")


class QuestionQuerySet(WorkflowQuerySet):
    def for_listing(self):
        """What the list of answered questions shows, with the field in one query."""
        return self.select_related("topic").only(
            "title",
            "slug",
            "answered_at",
            "published_at",
            "created_at",
            "topic__name",
            "topic__slug",
        )

    def newest_first(self):
        return self.order_by("-answered_at", "-id")

    def search(self, query):
        """Accent-insensitive full-text search: 'ho tich' finds 'hộ tịch'."""
        words = search_normalize(query)
        if not words:
            return self.none()
        return self.annotate(
            _search=SearchVector("search_text", config="simple")
        ).filter(_search=SearchQuery(words, config="simple", search_type="plain"))


class Question(WorkflowModel):
    Status = Status
    revision_fields = ("topic", "title", "question", "answer", "answered_by")

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    tracking_code = models.CharField(
        _("tracking code"), max_length=CODE_LENGTH, unique=True, editable=False
    )
    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("field"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, blank=True, editable=False)
    question = models.TextField(
        _("question"),
        max_length=5000,
        help_text=_(
            "As the citizen wrote it; staff may remove personal details before "
            "publishing."
        ),
    )
    answer = CKEditor5Field(_("answer"), blank=True, config_name="default")
    answered_by = models.CharField(
        _("answered by"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown with the answer, e.g. Văn phòng HĐND-UBND phường. Empty: the "
            "department or official the question is assigned to."
        ),
    )
    answered_at = models.DateTimeField(
        _("answered at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the answer was first published."),
    )
    # The asker. The name is printed with the published question (the form
    # says so); the e-mail and phone never leave the admin. All three are erased
    # after the unit's retention period (manage.py purge_personal_data).
    asker_name = models.CharField(_("asker's name"), max_length=100)
    asker_email = models.EmailField(_("asker's e-mail"), blank=True)
    asker_phone = models.CharField(_("asker's phone"), max_length=20, blank=True)
    consented_at = models.DateTimeField(
        _("consent given at"), null=True, blank=True, editable=False
    )
    address_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Who handles it, as chosen from portal.directory: the key and the name then.
    assignee_key = models.CharField(max_length=40, blank=True, editable=False)
    assignee_name = models.CharField(
        _("assigned to"), max_length=200, blank=True, editable=False
    )
    notified_at = models.DateTimeField(
        _("asker notified at"), null=True, blank=True, editable=False
    )
    search_text = models.TextField(editable=False, default="")
    # Set by a merger of units (portal/merging.py): the former unit it came from.
    merged_from = models.CharField(
        _("from the former unit"), max_length=200, blank=True, editable=False
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-id"]
        permissions = [("publish_question", _("Can approve and publish answers"))]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "slug"],
                name="unique_question_slug",
                violation_error_message=_(
                    "This unit already has a question with this slug."
                ),
            )
        ]
        indexes = [
            models.Index(
                fields=["site", "live", "-answered_at", "-id"],
                name="question_listing",
            ),
            models.Index(
                fields=["topic", "live", "-answered_at", "-id"],
                name="question_topic_listing",
            ),
            GinIndex(
                SearchVector("search_text", config="simple"), name="question_search"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.answer = sanitize_html(self.answer)
        if not self.tracking_code:
            self.tracking_code = self._unused_code()
        if not self.slug:
            self.slug = unique_slug(
                Question, self.site_id, self.title, self.pk, fallback="cau-hoi"
            )
        self.search_text = search_normalize(
            " ".join([self.title, self.question, strip_tags(self.answer)])
        )
        super().save(*args, **kwargs)

    def clean(self):
        if self.topic_id and self.site_id and self.topic.site_id != self.site_id:
            raise ValidationError({"topic": _("That field is another unit's.")})

    def not_ready_reason(self):
        # Published (or sent for review) only with its answer, by any path.
        if not strip_tags(self.answer).strip():
            return _("Write the answer first: a question is published with its answer.")
        return None

    def get_absolute_url(self):
        return reverse("questions:detail", kwargs={"slug": self.slug})

    @property
    def tracking_code_display(self):
        """'ABCDEFGH' → 'ABCD-EFGH': two short groups are easier to copy."""
        code = self.tracking_code
        return f"{code[:4]}-{code[4:]}" if code else ""

    @property
    def answerer(self):
        return self.answered_by or self.assignee_name

    @staticmethod
    def _unused_code():
        while True:
            code = new_tracking_code()
            if not Question.objects.filter(tracking_code=code).exists():
                return code
