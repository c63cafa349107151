from django.contrib.sites import models as sites_models
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
        # here first; refreshed on every request, so it always agrees with us.
        # (SiteManager.clear_cache() rebinds the dict: look it up each time.)
        sites_models.SITE_CACHE[request.get_host()] = site
        # Staff permissions are those of their role in this unit (portal.roles).
        with site_context(site):
            return self.get_response(request)
