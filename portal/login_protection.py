"""Brute-force protection of the staff login (django-axes), without raw addresses.

Axes locks a user name, and separately an address, after AXES_FAILURE_LIMIT
failed logins, for AXES_COOLOFF_TIME. What it stores (axes.AccessAttempt, seen by
superusers in the admin, who unlock by deleting the row):

- the typed user name (it may be no account), the query and form data with the
  password and codes masked, the time and the number of failures;
- instead of the client address, a pseudonym: salted_hash(address) written as
  an IPv6 address in the documentation range 2001:db8::/32 (axes keeps addresses
  in an `inet` column). Equal addresses give equal pseudonyms, so locking by
  address works; the address itself cannot be recovered without the salt;
- no User-Agent (stored empty), and no log of successful logins (the audit log
  has them).

Every lockout is written to the audit log (Action.LOCKED_OUT).
"""

import ipaddress
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.audit.models import Action
from portal.audit.services import record
from portal.client import client_address, salted_hash

PSEUDONYM_NETWORK = ipaddress.IPv6Network("2001:db8::/32")


def address_pseudonym(request):
    """AXES_CLIENT_IP_CALLABLE: the client's address, hashed, as an IPv6 address."""
    digest = int(salted_hash("axes", client_address(request))[:24], 16)  # 96 bits
    return str(PSEUDONYM_NETWORK[digest])


class PortalAxesHandler(AxesDatabaseHandler):
    """Axes' database handler that keeps no User-Agent string."""

    @staticmethod
    def _forget_user_agent(request):
        if request is not None:
            request.axes_user_agent = ""
            request.axes_http_accept = ""

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        self._forget_user_agent(request)
        return super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender, request, user, **kwargs):
        self._forget_user_agent(request)
        return super().user_logged_in(sender, request, user, **kwargs)


def cool_off_minutes():
    cool_off = settings.AXES_COOLOFF_TIME
    if isinstance(cool_off, timedelta):
        return max(1, int(cool_off.total_seconds() // 60))
    return int(cool_off * 60)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the same Vietnamese page whether the account exists."""
    return render(
        request,
        "admin/locked_out.html",
        {
            "title": _("Login temporarily blocked"),
            "minutes": cool_off_minutes(),
            "site_header": _("Portal administration"),
            "site_title": _("Portal administration"),
        },
        status=429,
    )


@receiver(user_locked_out)
def audit_lockout(sender, request=None, username=None, **kwargs):
    record(
        Action.LOCKED_OUT,
        request=request,
        username=username or "",
        summary=_("Locked out after %(count)s failed logins.")
        % {"count": settings.AXES_FAILURE_LIMIT},
    )
