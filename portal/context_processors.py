from portal.page_context import menu, unit_profile


def unit(request):
    """The unit profile (footer), the menu and the site of the request."""
    site = getattr(request, "site", None)
    if site is None:
        return {}
    return {"unit": unit_profile(request), "menu": menu(request), "site": site}
