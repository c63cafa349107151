from django.shortcuts import get_object_or_404, render

from pages.models import Page
from portal.saving import saved_copy, wants_saved_copy
from portal.tenancy import set_page_object, user_can_manage_site

TEMPLATE = "pages/page_detail.html"


def page_detail(request, slug):
    pages = Page.objects.for_site(request.site)
    # The unit's staff may preview a draft before it is published.
    if not user_can_manage_site(request.user, request.site):
        pages = pages.published()
    page = get_object_or_404(pages, slug=slug)
    context = {"page": page}
    if wants_saved_copy(request) and page.is_public:
        return saved_copy(request, TEMPLATE, context, title=page.title)
    if page.is_public:
        set_page_object(request, page)
    return render(request, TEMPLATE, context)
