from portal.page_context import history, menu, unit_profile


def unit(request):
    """The unit profile (footer), the menu, the unit's history and the site."""
    site = getattr(request, "site", None)
    if site is None:
        return {}
    return {
        "unit": unit_profile(request),
        "menu": menu(request),
        "unit_history": history(request),
        "site": site,
    }
