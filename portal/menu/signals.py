"""The cached menu is dropped when an entry, or an object one may point at, changes."""

from django.db.models.signals import post_delete, post_save

_watched = set()


def forget(site_id):
    from portal import page_context

    page_context.forget(site_id)


def _changed(sender, instance, **kwargs):
    forget(getattr(instance, "site_id", None))


def _transitioned(sender, instance, **kwargs):
    # Unpublishing writes the state with update(): no post_save to rely on.
    if sender in _watched:
        forget(getattr(instance, "site_id", None))


def watch(model):
    """Forget the menu of an object's unit when an object of `model` changes."""
    _watched.add(model)
    uid = f"portal.menu:{model._meta.label}"
    post_save.connect(_changed, sender=model, dispatch_uid=uid)
    post_delete.connect(_changed, sender=model, dispatch_uid=uid)


def connect():
    from portal.menu.models import MenuItem
    from portal.workflow.services import transitioned

    post_save.connect(_changed, sender=MenuItem, dispatch_uid="portal.menu:item")
    post_delete.connect(_changed, sender=MenuItem, dispatch_uid="portal.menu:item")
    transitioned.connect(_transitioned, dispatch_uid="portal.menu:transitioned")
