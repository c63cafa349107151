"""Drop the cached filter choices of the list whenever what they show changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from documents.listing import forget_options
from documents.models import Document, DocumentType, IssuingBody, Sector
from portal.workflow.services import transitioned

LISTED = (Document, DocumentType, Sector, IssuingBody)


def _list_changed(sender, instance, **kwargs):
    forget_options(instance.site_id)


# Per model: a post_delete receiver for every sender would make Django load each
# row before deleting it anywhere (no fast deletes, e.g. in stats_rollup).
for model in LISTED:
    post_save.connect(_list_changed, sender=model, dispatch_uid=f"documents:{model}")
    post_delete.connect(_list_changed, sender=model, dispatch_uid=f"documents:{model}")


@receiver(transitioned)
def _published_or_withdrawn(sender, instance, **kwargs):
    if sender is Document:
        forget_options(instance.site_id)
