from django.contrib.sites import models as sites_models
from django.core.exceptions import SuspiciousOperation
from django.http.request import split_domain_port
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.sites import site_for_host
from portal.tenancy import site_context


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
        # Django's own get_current_site() (feeds, sitemaps, auth e-mails) looks
        # in SITE_CACHE by host, then by host without its port; refreshed on every
        # request, so it always agrees with us. Keyed without the port, so its
        # size stays bounded: a host reaches here only if it is a unit's domain
        # or a name ALLOWED_HOSTS lists, however many ports or Host headers are
        # tried. (SiteManager.clear_cache() rebinds the dict: look it up each time.)
        domain, _port = split_domain_port(request.get_host())
        sites_models.SITE_CACHE[domain] = site
        # Staff permissions are those of their role in this unit (portal.roles).
        with site_context(site):
            return self.get_response(request)


class HostileInput(SuspiciousOperation):
    """A parameter no form or page can use (a NUL byte): answered with a 400."""


class RejectHostileInputMiddleware:
    """Refuse NUL bytes in any query or form parameter with a Vietnamese 400 page.

    PostgreSQL cannot store or compare text holding NUL, so such a value would
    reach the database only to fail there as a 500; no page needs one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for params in (request.GET, request.POST):
            for key, values in params.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    raise HostileInput("NUL byte in a request parameter")
        return self.get_response(request)
