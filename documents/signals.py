"""Drop the cached filter choices of the list whenever what they show changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from documents.listing import forget_options
from documents.models import Document, DocumentType, IssuingBody, Sector
from portal.workflow.services import transitioned

LISTED = (Document, DocumentType, Sector, IssuingBody)


@receiver(post_save)
@receiver(post_delete)
def _list_changed(sender, instance, **kwargs):
    if sender in LISTED:
        forget_options(instance.site_id)


@receiver(transitioned)
def _published_or_withdrawn(sender, instance, **kwargs):
    if sender is Document:
        forget_options(instance.site_id)
