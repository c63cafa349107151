"""Staff sessions end after STAFF_SESSION_IDLE_MINUTES without a request, and in
any case STAFF_SESSION_MAX_HOURS after login (a citizen has no session to end).

The last-activity time is written at most once a minute, so an admin page does
not write its session on every request.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect

LOGIN_AT = "portal_login_at"
SEEN_AT = "portal_seen_at"
WRITE_EVERY = 60


@receiver(user_logged_in)
def start_staff_session(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[LOGIN_AT] = request.session[SEEN_AT] = now
    if user.is_staff:
        request.session.set_expiry(settings.STAFF_SESSION_MAX_HOURS * 3600)


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = int(time.time())
            session = request.session
            login_at = session.get(LOGIN_AT, now)
            seen_at = session.get(SEEN_AT, now)
            idle = now - seen_at > settings.STAFF_SESSION_IDLE_MINUTES * 60
            too_old = now - login_at > settings.STAFF_SESSION_MAX_HOURS * 3600
            if idle or too_old:
                logout(request)
                if request.path.startswith("/admin/"):
                    return redirect(f"{settings.ADMIN_LOGIN_PATH}?next={request.path}")
            else:
                if LOGIN_AT not in session:
                    session[LOGIN_AT] = now
                if now - seen_at >= WRITE_EVERY or SEEN_AT not in session:
                    session[SEEN_AT] = now
        return self.get_response(request)
