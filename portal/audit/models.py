from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Failed login")
    LOGOUT = "logout", _("Logged out")
    LOCKED_OUT = "locked_out", _("Locked out")
    CREATE = "create", _("Created")
    EDIT = "edit", _("Edited")
    SUBMIT = "submit", _("Submitted for review")
    APPROVE = "approve", _("Approved")
    REQUEST_CHANGES = "request_changes", _("Changes requested")
    PUBLISH = "publish", _("Published")
    UNPUBLISH = "unpublish", _("Unpublished")
    ARCHIVE = "archive", _("Archived")
    RESTORE = "restore", _("Revision restored")
    DELETE = "delete", _("Deleted")
    MODERATE = "moderate", _("Moderated")
    SETTINGS = "settings", _("Settings changed")
    USERS = "users", _("Users and roles changed")
    PERSONAL_DATA = "personal_data", _("Personal data exported or erased")
    MERGE = "merge", _("Units merged")
    IMPORT = "import", _("Imported")
    TRIM = "trim", _("Old entries trimmed")


class AuditEntryQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)


class AuditEntry(models.Model):
    """One staff action. Never updated; deleted only by `audit_trim` after years."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    # Kept when the unit or the user is deleted: the log outlives what it tells of.
    site = models.ForeignKey(
        Site,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    # The name as it was, for failed logins (no user) and deleted accounts.
    username = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind of object"),
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    # portal.client.salted_hash of the client address: floods can be seen, never
    # the address.
    address_hash = models.CharField(_("address hash"), max_length=64, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["site", "-created_at"], name="audit_site_time"),
            models.Index(
                fields=["content_type", "object_id", "-created_at"],
                name="audit_object_time",
            ),
        ]

    def __str__(self):
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.username} {self.action}"
