from django.contrib.sites.models import Site
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Category
from portal import page_context, pagecache
from portal.models import UnitProfile
from portal.workflow.services import transitioned


@receiver([post_save, post_delete], sender=UnitProfile)
@receiver([post_save, post_delete], sender=Category)
def forget_unit_context(sender, instance, **kwargs):
    page_context.forget(instance.site_id)


@receiver([post_save, post_delete], sender=Site)
def forget_site_context(sender, instance, **kwargs):
    page_context.forget(instance.pk)


@receiver(transitioned)
def forget_published_pages(sender, instance, **kwargs):
    """Anything published, withdrawn or edited: the unit's pages are made again."""
    pagecache.forget_site(getattr(instance, "site_id", None))


@receiver(post_save, sender=Site)
def create_unit_record(sender, instance, created, raw=False, **kwargs):
    """A new site is a new unit: its record exists from the start."""
    if created and not raw:
        UnitProfile.objects.get_or_create(
            site=instance,
            defaults={"is_default": not UnitProfile.objects.exists()},
        )
