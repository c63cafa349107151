"""Questions and their answers move to the successor (QuestionsConfig.ready).

Topics are matched by name onto the successor's; the tracking codes stay valid
(they are unique across the installation), so an asker still finds their
question, now on the successor's portal.
"""

from django.utils.translation import gettext_lazy

from portal import merging
from questions.models import Question, Topic


def move_questions(ctx, old_site):
    return merging.move_objects(
        ctx,
        old_site,
        Question.objects.for_site(old_site).select_related("topic"),
        kind="questions",
        url_name="questions:detail",
        remap=lambda question, target: {
            "topic": Topic.remember(target, question.topic.name)
            if question.topic_id
            else None
        },
    )


def register():
    merging.register(
        merging.Mover(
            "questions", gettext_lazy("Questions and answers"), move_questions, 70
        )
    )
    merging.register_same_path("questions:list", "questions:ask", "questions:track")
