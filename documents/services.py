"""Writes with rules in the documents library."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import Opinion
from documents.models.draft import Window


def opinion_create(*, draft, name, email, phone, clause, content, address_hash):
    """Keep a citizen's opinion on a draft that is open for comments today.

    Only a form whose consent box was ticked gets here; when is kept as proof.
    The window is checked here too, so nothing can add an opinion outside it.
    """
    if draft.window() != Window.OPEN or not draft.is_public:
        raise PermissionDenied(_("This draft is not open for comments."))
    opinion = Opinion(
        site_id=draft.site_id,
        draft=draft,
        name=name,
        email=email,
        phone=phone,
        clause=clause,
        content=content,
        address_hash=address_hash,
        consented_at=timezone.now(),
    )
    opinion.full_clean()
    opinion.save()
    return opinion
