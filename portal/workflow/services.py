"""Every workflow transition as one service: permission, state, revision, audit, signal.

Admin views, actions and management commands call these; none of them writes
`status` or `live` itself. Each function takes the object as the caller has it
(for `save_draft`: with the edited content set on it in memory) and re-reads
its row under a lock, so two transitions of one object never interleave.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.audit.models import Action
from portal.audit.services import record
from portal.tenancy import user_can_manage_site
from portal.workflow.models import Revision, Status, apply_content

# Sent inside the transaction after each transition; receivers that do work
# outside the database (e-mail) wrap it in transaction.on_commit.
# Arguments: instance, action (an audit Action), user, revision, note.
transitioned = Signal()

# `base_revision` default: the caller does not check for concurrent edits.
UNCHECKED = object()

# What the workflow owns on the row; only these services write them.
STATE_FIELDS = (
    "status",
    "live",
    "live_revision_id",
    "latest_revision_id",
    "review_note",
    "created_by_id",
    "created_at",
)


class EditConflict(Exception):
    """Someone else saved the object since the editor opened it."""

    def __init__(self, revision):
        self.revision = revision
        who = revision.created_by.get_username() if revision.created_by else "?"
        super().__init__(
            _(
                "%(user)s saved this content at %(time)s, after you opened it. Your "
                "changes were not saved, so theirs are not lost: open their version, "
                "then make your changes again."
            )
            % {"user": who, "time": local_time(revision.created_at)}
        )


class InvalidTransition(Exception):
    """The object is not in a state this action applies to."""


def local_time(moment):
    """'14:05 25/12/2026' in Vietnam's time (never the UTC wall clock)."""
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


def permission(obj, verb):
    """'articles.publish_article' for (an article, "publish")."""
    meta = obj._meta
    return f"{meta.app_label}.{verb}_{meta.model_name}"


def can(user, verb, obj):
    """May `user` do `verb` ("change", "publish", "delete") to `obj` in its unit?"""
    if not user_can_manage_site(user, obj.site):
        return False
    # With the object, so the user's role in the object's unit decides
    # (portal.backends.UnitRoleBackend), whatever host the call came from.
    if verb == "delete" and (obj.live or obj.live_revision_id):
        # Editors delete their drafts; what was ever public needs an approver.
        return user.has_perm(permission(obj, "publish"), obj) and user.has_perm(
            permission(obj, "delete"), obj
        )
    return user.has_perm(permission(obj, verb), obj)


def require(user, verb, obj):
    if not can(user, verb, obj):
        raise PermissionDenied(
            _("You are not allowed to do this to “%(object)s”.") % {"object": obj}
        )


def _locked(obj):
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk)


def _revision(obj, user, note, content=None):
    return Revision.objects.create(
        content_type_id=_content_type_id(obj),
        object_id=str(obj.pk),
        site_id=obj.site_id,
        content=obj.content() if content is None else content,
        created_by=user,
        note=note[:300],
        object_repr=str(obj)[:300],
    )


def _content_type_id(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def _done(obj, action, user, request, revision=None, note="", summary=""):
    record(action, user=user, site=obj.site, obj=obj, summary=summary, request=request)
    transitioned.send(
        sender=type(obj),
        instance=obj,
        action=action,
        user=user,
        revision=revision,
        note=note,
    )


def save_draft(obj, *, user, request=None, base_revision=UNCHECKED, note=""):
    """Keep the edited content of `obj` as a new revision (the working copy).

    A new or non-public object is saved to its row as well. A live object's
    row is left alone — citizens keep reading the approved text — and the
    revision waits for review. `base_revision` is the revision id the editor's
    form was opened on; when another revision was saved since, EditConflict.
    """
    require(user, "change", obj)
    obj.prepare()
    with transaction.atomic():
        if obj.pk is None:
            obj.created_by = user
            obj.status = Status.DRAFT
            obj.live = False
            obj.save()
            revision = _revision(obj, user, note or _("Created"))
            type(obj)._default_manager.filter(pk=obj.pk).update(
                latest_revision=revision
            )
            obj.latest_revision = revision
            _done(obj, Action.CREATE, user, request, revision)
            return revision
        current = _locked(obj)
        if base_revision is not UNCHECKED and current.latest_revision_id != (
            base_revision or None
        ):
            raise EditConflict(current.latest_revision)
        content = obj.content()
        unchanged = current.live and content == current.content()
        status = current.status
        if status in (Status.PUBLISHED, Status.ARCHIVED) and not unchanged:
            status = Status.DRAFT
        revision = _revision(obj, user, note or _("Saved"), content)
        if current.live:
            # The working copy lives in the revision; the row stays as published.
            type(obj)._default_manager.filter(pk=obj.pk).update(
                latest_revision=revision, status=status
            )
            apply_content(obj, content)
            obj.live, obj.live_revision_id = True, current.live_revision_id
        else:
            # The caller's object may be stale in what the form does not edit
            # (a comment the approver wrote since it was loaded): take the
            # state from the locked row, the content from the caller.
            for name in STATE_FIELDS:
                setattr(obj, name, getattr(current, name))
            obj.save()
            type(obj)._default_manager.filter(pk=obj.pk).update(
                latest_revision=revision, status=status
            )
        obj.latest_revision, obj.status = revision, status
        _done(obj, Action.EDIT, user, request, revision)
        return revision


def ensure_current(obj, *, base_revision):
    """Lock the row; EditConflict when a revision was saved after `base_revision`.

    For a caller that acts on what the user saw without saving (an approver
    publishing the version on their screen): inside the caller's transaction.
    """
    current = _locked(obj)
    if current.latest_revision_id != (base_revision or None):
        raise EditConflict(current.latest_revision)
    return current


def working_copy(obj):
    """`obj` as its latest revision has it: what an editor continues from."""
    if obj.has_unpublished_changes and obj.latest_revision_id:
        return apply_content(obj, obj.latest_revision.content)
    return obj


def submit_for_review(obj, *, user, request=None):
    """Draft → waiting for review; the unit's approvers are told."""
    require(user, "change", obj)
    with transaction.atomic():
        current = _locked(obj)
        if current.status != Status.DRAFT:
            raise InvalidTransition(_("Only a draft can be sent for review."))
        _require_ready(working_copy(_locked(obj)))
        current.status = Status.REVIEW
        current.review_note = ""
        _save_state(current, "status", "review_note")
        _done(current, Action.SUBMIT, user, request, current.latest_revision)
        return current


def _require_ready(content):
    """The model's own rule for what may be reviewed or published (see
    WorkflowModel.not_ready_reason), checked on the content concerned."""
    reason = content.not_ready_reason()
    if reason:
        raise InvalidTransition(reason)


def request_changes(obj, *, user, comment, request=None):
    """Waiting for review → draft, with the approver's comment for the editor."""
    require(user, "publish", obj)
    if not comment.strip():
        raise InvalidTransition(_("Say what should be changed."))
    with transaction.atomic():
        current = _locked(obj)
        if current.status != Status.REVIEW:
            raise InvalidTransition(
                _("Only content waiting for review can be sent back.")
            )
        current.status = Status.DRAFT
        current.review_note = comment.strip()
        _save_state(current, "status", "review_note")
        _done(
            current,
            Action.REQUEST_CHANGES,
            user,
            request,
            current.latest_revision,
            note=current.review_note,
            summary=current.review_note,
        )
        return current


def publish(obj, *, user, request=None, revision=None):
    """Make the latest revision (or `revision`) the live content.

    From "waiting for review" this is the approval; an approver may also
    publish a draft directly. A publication date in the future schedules it.
    """
    require(user, "publish", obj)
    with transaction.atomic():
        current = _locked(obj)
        revision = revision or current.latest_revision
        was = current.status
        if (
            current.live
            and was == Status.PUBLISHED
            and revision is not None
            and revision.pk == current.live_revision_id
        ):
            raise InvalidTransition(_("This version is already published."))
        if revision is None:  # rows made before revisions existed
            revision = _revision(current, user, _("Published"))
        apply_content(current, revision.content)
        _require_ready(current)
        current.live = True
        current.status = Status.PUBLISHED
        current.live_revision = revision
        current.latest_revision = revision
        current.review_note = ""
        current.save()
        action = Action.APPROVE if was == Status.REVIEW else Action.PUBLISH
        _done(current, action, user, request, revision)
        return current


def unpublish(obj, *, user, request=None):
    """Withdraw from the public; the content stays, as a draft."""
    require(user, "publish", obj)
    with transaction.atomic():
        current = _locked(obj)
        if not current.live:
            raise InvalidTransition(_("This content is not published."))
        _take_working_copy(current)
        current.live = False
        current.status = Status.DRAFT
        _save_state(current, "live", "status")
        _done(current, Action.UNPUBLISH, user, request)
        return current


def archive(obj, *, user, request=None):
    """Withdraw from the public and file away (announcements that lapsed)."""
    require(user, "publish", obj)
    with transaction.atomic():
        current = _locked(obj)
        if current.status == Status.ARCHIVED:
            raise InvalidTransition(_("This content is already archived."))
        _take_working_copy(current)
        current.live = False
        current.status = Status.ARCHIVED
        _save_state(current, "live", "status")
        _done(current, Action.ARCHIVE, user, request)
        return current


def restore_revision(obj, revision, *, user, request=None):
    """An old revision becomes a new draft revision (never a silent overwrite)."""
    if revision.object_id != str(
        obj.pk
    ) or revision.content_type_id != _content_type_id(obj):
        raise InvalidTransition(_("This revision belongs to other content."))
    with transaction.atomic():
        current = _locked(obj)
        apply_content(current, revision.content)
        note = _("Restored the version of %(time)s") % {
            "time": local_time(revision.created_at)
        }
        new = save_draft(current, user=user, request=request, note=note)
        record(
            Action.RESTORE,
            user=user,
            site=obj.site,
            obj=obj,
            summary=note,
            request=request,
        )
        return new


def delete(obj, *, user, request=None):
    """Delete: drafts by their editors, anything ever public only by approvers."""
    require(user, "delete", obj)
    with transaction.atomic():
        record(Action.DELETE, user=user, site=obj.site, obj=obj, request=request)
        obj.delete()


def _save_state(obj, *fields):
    type(obj)._default_manager.filter(pk=obj.pk).update(
        **{name: getattr(obj, name) for name in fields}
    )


def _take_working_copy(current):
    """Before a live object goes off-line: its row takes the pending revision.

    Off-line rows hold the working copy (only live rows keep the approved text
    apart from it), so the editor continues from their latest draft, not from
    the text that was public.
    """
    if current.live and current.latest_revision_id not in (
        None,
        current.live_revision_id,
    ):
        apply_content(current, current.latest_revision.content)
        current.save()
