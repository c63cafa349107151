from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from portal.mergers import redirects
from portal.merging import same_path_names
from portal.unit_history import history_for

# Never redirected: staff keep working on an archived unit's admin.
PASS_THROUGH = ("/admin/", "/captcha/", "/media/", "/static/", "/ckeditor5/")


class UnitRedirectMiddleware:
    """Old addresses keep working: redirects on 404, and archived units' hosts.

    A unit in service pays nothing for it: redirects are looked up only when a
    page is not found (as django.contrib.redirects does), and whether the unit
    is archived comes with its footer from the shared cache the page reads anyway.
    An archived unit's addresses go first to the redirect the merger made, then
    to the successor's same page (search, feeds); its home page goes to its
    successor, or is the chooser of a split unit's successors. What has no
    counterpart gets a page naming the successors.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = getattr(request, "site", None)
        if site is None or request.path.startswith(PASS_THROUGH):
            return self.get_response(request)
        history = history_for(request)
        looked_up = False
        if history.archived and request.method in ("GET", "HEAD"):
            answer = self.archived_answer(request, history)
            if answer is not None:
                return answer
            looked_up = True
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        row = None if looked_up else redirects.find(site, request)
        if row is not None:
            return HttpResponsePermanentRedirect(redirects.target_url(request, row))
        if history.archived and history.successors:
            return moved_page(request, history, status=404)
        return response

    def archived_answer(self, request, history):
        row = redirects.find(request.site, request)
        if row is not None:
            return HttpResponsePermanentRedirect(redirects.target_url(request, row))
        if not history.successors:
            return None  # archived without successor: its pages answer as they are
        if request.path == "/" and history.split:
            return moved_page(request, history, status=200)
        try:
            name = resolve(request.path_info).view_name
        except Resolver404:
            return None
        if name in same_path_names() or (name == "home" and not history.split):
            first = history.first_successor
            path = request.get_full_path()
            site = _site(first)
            return HttpResponsePermanentRedirect(
                redirects.absolute_url(request, site, path)
            )
        return None


def _site(link):
    from django.contrib.sites.models import Site

    return Site(pk=link.pk, domain=link.domain, name=link.name)


def moved_page(request, history, status):
    """The chooser of an archived unit's successors (also its "not here" page)."""
    successors = [
        (link, redirects.absolute_url(request, _site(link), "/"))
        for link in history.successors
    ]
    title = (
        _("This unit has been divided")
        if history.split
        else _("This unit has been merged")
    )
    return render(
        request,
        "mergers/moved.html",
        {"successors": successors, "title": title, "not_found": status == 404},
        status=status,
    )
