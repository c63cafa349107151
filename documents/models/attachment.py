from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents import files


class AttachmentField(models.FileField):
    """A file checked by content (documents/files.py) when a form cleans it."""

    def formfield(self, **kwargs):
        from documents.forms import AttachmentFormField

        return super().formfield(**{"form_class": AttachmentFormField, **kwargs})


class Attachment(models.Model):
    """A file of a document or a draft: stored under a generated name, downloaded
    under its original one."""

    file = AttachmentField(_("file"), upload_to=files.upload_to, max_length=200)
    original_name = models.CharField(
        _("file name"), max_length=255, editable=False, default=""
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=files.KIND_CHOICES, editable=False
    )
    size = models.PositiveBigIntegerField(_("size"), editable=False, default=0)
    title = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("Optional, e.g. “Phụ lục I”; otherwise the file name is shown."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self):
        return self.title or self.original_name

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            # Checked again here, whoever saves: a form, the import, the demo.
            kind = files.check_attachment(self.file.file)
            self.kind = kind.code
            self.original_name = self.file.name.rsplit("/", 1)[-1][:255]
            self.size = self.file.size
        super().save(*args, **kwargs)

    @property
    def label(self):
        """'PDF, 1,2 MB'."""
        return f"{files.KINDS[self.kind].label}, {files.human_size(self.size)}"


class DocumentAttachment(Attachment):
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("document"),
    )

    class Meta(Attachment.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def get_absolute_url(self):
        return reverse(
            "documents:download", kwargs={"slug": self.document.slug, "pk": self.pk}
        )


class DraftAttachment(Attachment):
    draft = models.ForeignKey(
        "documents.Draft",
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("draft"),
    )

    class Meta(Attachment.Meta):
        verbose_name = _("draft file")
        verbose_name_plural = _("draft files")

    def get_absolute_url(self):
        return reverse(
            "documents:draft_download", kwargs={"slug": self.draft.slug, "pk": self.pk}
        )
