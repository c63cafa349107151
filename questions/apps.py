from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Questions and answers")

    def ready(self):
        from questions import merging

        merging.register()

        from portal import pagecache
        from questions.models import Question, Topic

        pagecache.watch(Question, Topic)

        from portal import menu, personal_data, roles, search, sitemaps
        from portal.text import plain_text

        menu.register(
            "questions",
            label=_("Questions and answers"),
            url_name="questions:list",
            order=60,
        )

        # Editors assign and write answers; approvers publish them; the unit
        # administrator keeps the list of topics.
        roles.grant(
            roles.Role.EDITOR,
            "questions.view_question",
            "questions.change_question",
            "questions.view_topic",
        )
        roles.grant(
            roles.Role.APPROVER,
            "questions.publish_question",
            "questions.delete_question",
        )
        roles.grant(
            roles.Role.UNIT_ADMIN,
            "questions.add_topic",
            "questions.change_topic",
            "questions.delete_topic",
        )
        from questions import signals  # noqa: F401
        from questions.models import ANONYMOUS, Question
        from questions.sitemaps import QuestionListSitemap, QuestionSitemap

        sitemaps.register("hoi-dap", QuestionListSitemap)
        sitemaps.register("cau-hoi", QuestionSitemap)
        search.register(
            search.SearchSource(
                kind="hoi-dap",
                label=_("Questions and answers"),
                model=Question,
                queryset=lambda site: Question.objects.for_site(site).published(),
                title=lambda question: question.title,
                text=lambda question: (
                    f"{question.question} {plain_text(question.answer)}"
                ),
                date=lambda question: question.answered_at,
                order=40,
            )
        )
        # The name is printed beside the published question, so it becomes
        # "Công dân"; the contacts were never public and are blanked.
        personal_data.register(
            Question,
            erased={
                "asker_name": ANONYMOUS,
                "asker_email": "",
                "asker_phone": "",
                "address_hash": "",
            },
            phone_field="asker_phone",
            email_field="asker_email",
            export_fields=(
                "tracking_code",
                "asker_name",
                "asker_email",
                "asker_phone",
                "title",
                "question",
                "created_at",
            ),
        )

    def load_demo(self, site):
        """Called by portal's load_demo (see portal/demo)."""
        from questions import demo

        return demo.load(site)
