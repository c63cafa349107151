from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.sites import site_for_host


class SiteMiddleware:
    """Set `request.site` from the host; a host that is no unit's gets a 404 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = site_for_host(request.get_host())
        if site is None:
            return render(
                request,
                "portal/unknown_host.html",
                {"host": request.get_host(), "title": _("No portal at this address")},
                status=404,
            )
        request.site = site
        return self.get_response(request)
