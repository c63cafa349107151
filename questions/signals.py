from django.dispatch import receiver

from portal.audit.models import Action
from portal.workflow.services import transitioned
from questions import services
from questions.models import Question


@receiver(transitioned, sender=Question)
def on_publication(sender, instance, action, **kwargs):
    if action in (Action.PUBLISH, Action.APPROVE):
        services.answer_published(instance)
