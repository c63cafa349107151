"""Cached unit histories kept fresh, and a redirect when published content moves.

The slug: when a publication (portal.workflow's publish) changes the address of
content that was public, the old address redirects to the new one. The row's
address before the save is read in pre_save (only for public content with a
slug), and the redirect is written when the workflow's `transitioned` signal
says the publication happened, with who did it.
"""

from django.contrib.sites.models import Site
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from portal import unit_history
from portal.audit.models import Action
from portal.mergers.models import Redirect, UnitArchive, UnitSuccession
from portal.workflow.models import WorkflowModel
from portal.workflow.services import transitioned

PUBLISHING = {Action.PUBLISH, Action.APPROVE}


@receiver([post_save, post_delete], sender=UnitSuccession)
def forget_both_units(sender, instance, **kwargs):
    unit_history.forget(instance.predecessor_id, instance.successor_id)


@receiver([post_save, post_delete], sender=UnitArchive)
def forget_archived_unit(sender, instance, **kwargs):
    unit_history.forget(instance.site_id)


@receiver(post_save, sender=Site)
def forget_neighbours(sender, instance, **kwargs):
    """Their banners and footers name this unit."""
    rows = UnitSuccession.objects.filter(predecessor=instance) | (
        UnitSuccession.objects.filter(successor=instance)
    )
    unit_history.forget(
        *{pk for row in rows for pk in (row.predecessor_id, row.successor_id)}
    )


def _url_with_slug(instance, slug):
    current = instance.slug
    try:
        instance.slug = slug
        return instance.get_absolute_url()
    finally:
        instance.slug = current


@receiver(pre_save)
def remember_public_address(sender, instance, **kwargs):
    if not isinstance(instance, WorkflowModel) or instance.pk is None:
        return
    if not (instance.live and hasattr(instance, "slug")):
        return
    before = (
        sender._default_manager.filter(pk=instance.pk, live=True)
        .values_list("slug", flat=True)
        .first()
    )
    if before and before != instance.slug:
        instance._public_url_before = _url_with_slug(instance, before)


@receiver(transitioned)
def redirect_old_address(sender, instance, action, user, **kwargs):
    old_url = instance.__dict__.pop("_public_url_before", None)
    if action not in PUBLISHING or old_url is None:
        return
    from portal.mergers.redirects import add_redirect, record_change

    new_url = instance.get_absolute_url()
    # The new address has content again (a slug given back): its redirect goes.
    Redirect.objects.filter(site=instance.site, old_path=new_url).delete()
    row = add_redirect(
        site=instance.site,
        old_path=old_url,
        new_path=new_url,
        kind=Redirect.Kind.SLUG,
        user=user,
    )
    record_change(row, user=user)
