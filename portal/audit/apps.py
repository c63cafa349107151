from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "portal.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        from portal import roles
        from portal.audit import signals  # noqa: F401

        # Unit administrators read their unit's log; nobody writes it by hand.
        roles.grant(roles.Role.UNIT_ADMIN, "audit.view_auditentry")
