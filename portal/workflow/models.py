import json

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from portal.sanitize import sanitize_html
from portal.tenancy import SiteQuerySet


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


# What staff see of an object's place in the workflow: the working copy's status
# and, for live objects, what the public sees (scheduled, expired, changes pending).
STATES = {
    "draft": _("Draft"),
    "review": _("Waiting for review"),
    "published": _("Published"),
    "scheduled": _("Scheduled"),
    "expired": _("Publication ended"),
    "changes_draft": _("Published, with an unsubmitted draft"),
    "changes_review": _("Published, changes waiting for review"),
    "archived": _("Archived"),
}


class Revision(models.Model):
    """The content of one object as it was saved once: who, when, and what."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=64)
    content_object = GenericForeignKey("content_type", "object_id")
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    content = models.JSONField(_("content"), encoder=DjangoJSONEncoder)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved by"),
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)
    object_repr = models.CharField(_("title"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "-created_at", "-id"],
                name="revision_object_time",
            )
        ]

    def __str__(self):
        return f"{self.object_repr} ({self.created_at:%d/%m/%Y %H:%M})"

    def as_object(self):
        """The object with this revision's content applied (not saved)."""
        obj = self.content_type.get_object_for_this_type(pk=self.object_id)
        return apply_content(obj, self.content)


class WorkflowQuerySet(SiteQuerySet):
    def published(self, now=None):
        """What the public may see: live, its date come, not expired."""
        now = now or timezone.now()
        return self.filter(live=True, published_at__lte=now).exclude(
            expires_at__lte=now
        )

    def waiting_for_review(self):
        return self.filter(status=Status.REVIEW)

    def drafts(self):
        return self.filter(status=Status.DRAFT)


class WorkflowModel(models.Model):
    """Base of every content model that goes through review (see the package doc).

    Subclasses name the fields a revision keeps in `revision_fields` and declare
    the permission `publish_<model>` in their Meta.permissions.
    """

    revision_fields = ()
    # The field that names an object in lists ("Việc của tôi", e-mails).
    title_field = "title"

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    live = models.BooleanField(_("public"), default=False, editable=False)
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("A date in the future schedules the publication."),
    )
    expires_at = models.DateTimeField(
        _("end of publication"),
        null=True,
        blank=True,
        help_text=_("Optional: the content is withdrawn from the public at this time."),
    )
    latest_revision = models.ForeignKey(
        Revision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    live_revision = models.ForeignKey(
        Revision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    review_note = models.TextField(
        _("reviewer's comment"),
        blank=True,
        editable=False,
        help_text=_("What the approver asked to change."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = WorkflowQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        now = timezone.now()
        return (
            self.live
            and self.published_at <= now
            and (self.expires_at is None or self.expires_at > now)
        )

    @property
    def is_scheduled(self):
        return self.live and self.published_at > timezone.now()

    @property
    def has_unpublished_changes(self):
        return self.live and self.status in (Status.DRAFT, Status.REVIEW)

    @property
    def state(self):
        """One key of STATES: the working copy's status, and the public's view."""
        if self.status == Status.ARCHIVED:
            return "archived"
        if not self.live:
            return "review" if self.status == Status.REVIEW else "draft"
        if self.has_unpublished_changes:
            return f"changes_{self.status}"
        now = timezone.now()
        if self.published_at > now:
            return "scheduled"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "published"

    @property
    def state_label(self):
        return STATES[self.state]

    def not_ready_reason(self):
        """Why this content may not be sent for review or published, or None.

        The services ask it of the content concerned (the working copy, the
        revision being published); a model overrides it for a rule of its own
        (a question is published only with its answer).
        """
        return None

    @classmethod
    def revision_field_names(cls):
        """What a revision keeps: the model's content and the publication dates."""
        return (*cls.revision_fields, "published_at", "expires_at")

    def prepare(self):
        """Make the content what save() would store, before a revision takes it.

        A live object's edits go into a revision without passing through
        save(), so rich text is sanitized here: every revision holds safe HTML.
        Subclasses add their own normalizing (call super()).
        """
        for name in self.revision_field_names():
            field = self._meta.get_field(name)
            if isinstance(field, CKEditor5Field):
                setattr(
                    self, field.attname, sanitize_html(getattr(self, field.attname))
                )

    def content(self):
        """The revision fields as JSON-ready values (files by name, FKs by id)."""
        data = {}
        for name in self.revision_field_names():
            field = self._meta.get_field(name)
            value = field.value_from_object(self)
            if isinstance(value, FieldFile):
                value = value.name or ""
            data[field.attname] = value
        # Through the encoder once, so what is compared is what is stored.
        return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def apply_content(obj, content):
    """Set `content` (a revision's) on `obj` in memory and answer it."""
    for name in obj.revision_field_names():
        field = obj._meta.get_field(name)
        if field.attname in content:
            setattr(obj, field.attname, field.to_python(content[field.attname]))
    return obj
