"""Writes with rules: posting a comment, voting, moderating."""

from django.db import transaction
from django.utils import timezone

from comments.models import STARS, Comment, Rating


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
    return Rating.objects.filter(article=article).summary(voter=voter)


def comments_moderate(*, queryset, status):
    """Set the status of the selected comments; returns how many changed."""
    return queryset.exclude(status=status).update(status=status)


def comment_reply(*, comment, reply, user):
    """Record who answered and when, each time the official reply changes."""
    with transaction.atomic():
        comment.reply = reply
        comment.replied_by = user if reply else None
        comment.replied_at = timezone.now() if reply else None
        comment.save()
    return comment
