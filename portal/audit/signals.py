"""Logins, logouts and failed logins, from Django's auth signals."""

from django.contrib.auth import signals
from django.dispatch import receiver

from portal.audit.models import Action
from portal.audit.services import record


@receiver(signals.user_logged_in)
def logged_in(sender, request, user, **kwargs):
    record(Action.LOGIN, user=user, request=request)


@receiver(signals.user_logged_out)
def logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, user=user, request=request)


@receiver(signals.user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    # The typed name is kept (it may not be an account); never the password.
    username = str(credentials.get("username", ""))
    record(Action.LOGIN_FAILED, request=request, username=username)
