from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments and ratings")

    def ready(self):
        from comments import merging
        from comments.models import Comment
        from portal import personal_data

        merging.register()

        # The phone is for staff only; the name and text are public and stay.
        personal_data.register(
            Comment,
            erased={"phone": ""},
            phone_field="phone",
            export_fields=("name", "phone", "title", "content", "created_at"),
        )
