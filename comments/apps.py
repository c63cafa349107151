from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments and ratings")

    def ready(self):
        from comments.models import Comment
        from portal import pagecache

        # Votes are heard in comments.services (only the counts change); a
        # comment waiting for moderation changes nothing public.
        pagecache.watch(
            Comment,
            site=lambda c: None if c.status == Comment.Status.PENDING else c.site_id,
        )

        from django.core import checks

        from comments import merging
        from comments.checks import check_settings
        from comments.models import Comment
        from portal import personal_data, roles

        roles.grant(
            roles.Role.UNIT_ADMIN,
            "comments.view_comment",
            "comments.change_comment",
        )

        checks.register(check_settings)

        merging.register()

        # The phone is for staff only; the name and text are public and stay.
        personal_data.register(
            Comment,
            erased={"phone": ""},
            phone_field="phone",
            export_fields=("name", "phone", "title", "content", "created_at"),
        )
