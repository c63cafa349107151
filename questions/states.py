"""What the asker is told about their question's progress (the tracking page)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.workflow.models import Status


@dataclass(frozen=True)
class PublicState:
    key: str
    label: str
    explanation: str


RECEIVED = PublicState(
    "received",
    _("Received"),
    _("The unit has received your question and will pass it to whoever can answer."),
)
ASSIGNED = PublicState(
    "assigned",
    _("Being answered"),
    _("Your question has been given to the people who will answer it."),
)
IN_REVIEW = PublicState(
    "review",
    _("Answer being checked"),
    _("An answer has been written and is being checked before publication."),
)
ANSWERED = PublicState(
    "answered",
    _("Answered"),
    _("The answer is published."),
)
CLOSED = PublicState(
    "closed",
    pgettext_lazy("state of a question", "Closed"),
    _(
        "The unit has closed this question without a public answer. Contact the "
        "unit for more information."
    ),
)


def public_state(question):
    """The state an asker may see (the staff's notes and revisions stay inside)."""
    if question.is_public:
        return ANSWERED
    if question.is_scheduled or question.status == Status.REVIEW:
        return IN_REVIEW
    if question.live or question.status == Status.ARCHIVED:
        # Archived, or its publication has ended.
        return CLOSED
    if question.assignee_name:
        return ASSIGNED
    return RECEIVED
