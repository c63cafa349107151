"""Writes with rules: asking, staff's edits and assignment, telling the asker."""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from portal import directory
from portal.audit.models import Action
from portal.audit.services import record
from portal.models import UnitProfile
from portal.workflow import services as workflow
from questions.models import Question

logger = logging.getLogger(__name__)


def ask(*, site, name, email, phone, topic, title, question, address_hash):
    """Save a citizen's question as a draft nobody but staff sees.

    Only a form whose consent box was ticked gets here; when is kept as proof.
    """
    row = Question(
        site=site,
        topic=topic,
        title=title,
        question=question,
        asker_name=name,
        asker_email=email,
        asker_phone=phone,
        address_hash=address_hash,
        consented_at=timezone.now(),
    )
    row.full_clean(exclude=["tracking_code", "slug"])
    row.save()
    return row


def assign(question, *, user, key, request=None):
    """Give the question to a department or official (portal.directory key)."""
    workflow.require(user, "change", question)
    name = directory.name_for(question.site, key) if key else ""
    if key and not name:
        raise workflow.InvalidTransition(
            _("Choose a department or an official of this unit.")
        )
    with transaction.atomic():
        Question.objects.filter(pk=question.pk).update(
            assignee_key=key, assignee_name=name
        )
        question.assignee_key, question.assignee_name = key, name
        summary = (
            _("Assigned to %(name)s") % {"name": name} if name else _("Unassigned")
        )
        record(
            Action.EDIT,
            user=user,
            site=question.site,
            obj=question,
            summary=summary,
            request=request,
        )
    return question


def sign(question):
    """An answer without a signature is signed with the assignee's name."""
    if strip_tags(question.answer).strip() and not question.answered_by:
        question.answered_by = question.assignee_name


def save(question, *, user, assignee_key=None, request=None, **draft_options):
    """Staff's edit: the assignment when it changed, then the working copy."""
    with transaction.atomic():
        if assignee_key is not None and assignee_key != question.assignee_key:
            assign(question, user=user, key=assignee_key, request=request)
        sign(question)
        return workflow.save_draft(
            question, user=user, request=request, **draft_options
        )


def answer_published(question):
    """An answer went live: remember when first, and tell the asker once."""
    if question.answered_at is None:
        now = timezone.now()
        Question.objects.filter(pk=question.pk, answered_at__isnull=True).update(
            answered_at=now
        )
        question.answered_at = now
    if question.asker_email and question.notified_at is None:
        # After the commit: a rolled-back publication sends nothing.
        transaction.on_commit(partial(notify_asker, question.pk))


def notify_asker(pk):
    """E-mail the asker the link to their answer; True when it was sent.

    The row is claimed first (notified_at set), so two publications at once
    send one message; a failed send releases it for `questions_notify`.
    """
    claimed = Question.objects.filter(
        pk=pk, notified_at__isnull=True, live=True
    ).exclude(asker_email="")
    if not claimed.update(notified_at=timezone.now()):
        return False
    question = Question.objects.select_related("site").get(pk=pk)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            subject, body = _message(question)
        send_mail(subject, body, None, [question.asker_email])
    except Exception:
        logger.exception("Telling the asker of question %s failed", pk)
        Question.objects.filter(pk=pk).update(notified_at=None)
        return False
    return True


def _message(question):
    unit = UnitProfile.objects.filter(site=question.site).first()
    unit_name = unit.name if unit else question.site.name
    scheme = "https" if settings.SECURE_SSL_REDIRECT else "http"
    context = {
        "question": question,
        "unit_name": unit_name,
        "url": f"{scheme}://{question.site.domain}{question.get_absolute_url()}",
    }
    subject = _("%(unit)s has answered your question") % {"unit": unit_name}
    body = render_to_string("questions/answer_email.txt", context)
    return " ".join(subject.split())[:200], body
