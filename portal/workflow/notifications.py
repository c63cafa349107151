"""E-mails about the workflow, through Django's e-mail backend (EMAIL_BACKEND).

- Something waits for review: the unit's approvers are told.
- It was approved or published, or sent back with a comment: the editor who
  submitted it (else who created it) is told.

Nobody is told of their own action. Recipients are read inside the
transition's transaction; the mail leaves only once it commits, so a rolled
back transition sends nothing, and a mail server that fails is logged without
undoing what was done.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal import roles
from portal.audit.models import Action, AuditEntry
from portal.workflow.services import permission, transitioned

logger = logging.getLogger(__name__)

TO_EDITOR = {Action.APPROVE, Action.PUBLISH, Action.REQUEST_CHANGES}


@receiver(transitioned, dispatch_uid="portal.workflow.notifications")
def notify(sender, instance, action, user, note="", **kwargs):
    if action == Action.SUBMIT:
        recipients = approvers(instance)
    elif action in TO_EDITOR:
        recipients = editor(instance)
    else:
        return
    recipients = [
        r for r in recipients if r.email and (user is None or r.pk != user.pk)
    ]
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        mails = [_message(instance, action, user, note, r) for r in recipients]
    transaction.on_commit(lambda: send(mails))


def approvers(obj):
    """Active staff whose role in the object's unit may publish it."""
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            is_staff=True,
            memberships__site_id=obj.site_id,
            memberships__role__in=roles.roles_with(permission(obj, "publish")),
        )
        .exclude(email="")
        .distinct()
    )


def editor(obj):
    """Who last submitted the object for review, else who created it."""
    submitted_by = (
        AuditEntry.objects.filter(
            action=Action.SUBMIT,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            user__isnull=False,
        )
        .order_by("-created_at", "-id")
        .values_list("user_id", flat=True)
        .first()
    )
    user_id = submitted_by or obj.created_by_id
    if user_id is None:
        return []
    return list(get_user_model().objects.filter(pk=user_id, is_active=True))


def _message(obj, action, user, note, recipient):
    opts = obj._meta
    context = {
        "object": obj,
        "kind": opts.verbose_name,
        "title": getattr(obj, obj.title_field, str(obj)),
        "user": user.get_full_name() or user.get_username() if user else "",
        "note": note,
        "url": _admin_url(obj),
        "unit": obj.site.name,
        "scheduled": obj.is_scheduled,
    }
    subjects = {
        Action.SUBMIT: _("Waiting for your review: %(title)s"),
        Action.APPROVE: _("Approved: %(title)s"),
        Action.PUBLISH: _("Published: %(title)s"),
        Action.REQUEST_CHANGES: _("Changes requested: %(title)s"),
    }
    template = {
        Action.SUBMIT: "submitted",
        Action.APPROVE: "approved",
        Action.PUBLISH: "approved",
        Action.REQUEST_CHANGES: "changes_requested",
    }[action]
    subject = f"[{context['unit']}] " + subjects[action] % {"title": context["title"]}
    return EmailMessage(
        subject=" ".join(subject.split())[:200],
        body=render_to_string(f"workflow/email/{template}.txt", context),
        to=[recipient.email],
    )


def _admin_url(obj):
    opts = obj._meta
    try:
        path = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
        )
    except NoReverseMatch:
        return ""
    scheme = "http" if settings.DEBUG else "https"
    return f"{scheme}://{obj.site.domain}{path}"


def send(mails):
    try:
        get_connection().send_messages(mails)
    except Exception:  # the transition stands; the log says what was not sent
        logger.exception("Workflow e-mail not sent to %s", [m.to for m in mails])
