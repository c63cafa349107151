"""Writes with rules: posting a comment, voting, moderating."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comments.feedback import rating_summary
from comments.models import STARS, Comment, Rating
from portal import pagecache
from portal.audit.models import Action
from portal.audit.services import record


def comment_create(*, article, name, phone, title, content, address_hash):
    """Save a citizen's comment as pending: nothing is public before moderation.

    Only a form whose consent box was ticked gets here; when is kept as proof.
    """
    comment = Comment(
        consented_at=timezone.now(),
        site_id=article.site_id,
        article=article,
        name=name,
        phone=phone,
        title=title,
        content=content,
        address_hash=address_hash,
        status=Comment.Status.PENDING,
    )
    comment.full_clean()
    comment.save()
    return comment


def rating_vote(*, article, voter, address_hash, stars):
    """Record (or change) this voter's stars and return the new summary.

    One INSERT … ON CONFLICT (article_id, voter) DO UPDATE: two votes arriving at
    once can neither both insert nor lose one another, and no row is read first.
    """
    rating = Rating(
        article=article, voter=voter, address_hash=address_hash, stars=stars
    )
    if stars not in STARS:  # the CHECK constraint would refuse it anyway
        raise ValueError(f"stars must be 1..5, not {stars!r}")
    Rating.objects.bulk_create(
        [rating],
        update_conflicts=True,
        unique_fields=["article", "voter"],
        update_fields=["stars", "address_hash", "updated_at"],
    )
    # The article's page shows the counts: made again on its next view.
    pagecache.forget_site(article.site_id)
    return rating_summary(article, voter)


def comments_moderate(*, queryset, status, user=None, request=None):
    """Set the status of the selected comments; returns how many changed.

    Each change is an audit entry (who moderated what, from which status).
    """
    with transaction.atomic():
        changing = list(
            queryset.exclude(status=status)
            .select_related("site")
            .select_for_update(of=("self",))
        )
        Comment.objects.filter(pk__in=[c.pk for c in changing]).update(status=status)
        new = Comment.Status(status).label
        for comment in changing:
            record(
                Action.MODERATE,
                user=user,
                request=request,
                site=comment.site,
                obj=comment,
                summary=f"{Comment.Status(comment.status).label} → {new}",
            )
        for site_id in {comment.site_id for comment in changing}:
            pagecache.forget_site(site_id)
    return len(changing)


def comment_reply(*, comment, reply, user, request=None):
    """Record who answered and when, each time the official reply changes."""
    with transaction.atomic():
        comment.reply = reply
        comment.replied_by = user if reply else None
        comment.replied_at = timezone.now() if reply else None
        comment.save()
        record(
            Action.MODERATE,
            user=user,
            request=request,
            site=comment.site,
            obj=comment,
            summary=_("Reply changed") if reply else _("Reply removed"),
        )
        pagecache.forget_site(comment.site_id)
    return comment
