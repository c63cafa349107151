from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from organisation.chart import build_chart
from organisation.models import OrganisationProfile


def organisation_page(request):
    return _page(request, in_english=False)


def organisation_page_en(request):
    """The same page in English (Decree 42/2022 Art. 4 §1(e)).

    Only this page is English: its UI strings render under translation.override,
    so the rest of the site (and LocaleMiddleware's choice) stays Vietnamese.
    """
    with translation.override("en"):
        response = _page(request, in_english=True)
    response["Content-Language"] = "en"
    return response


def _page(request, *, in_english):
    context = {
        "chart": build_chart(request.site, in_english=in_english),
        "profile": OrganisationProfile.objects.filter(site=request.site).first(),
        "in_english": in_english,
        "url_vi": request.build_absolute_uri(reverse("organisation:page")),
        "url_en": request.build_absolute_uri(reverse("organisation:page_en")),
    }
    return render(request, "organisation/organisation_page.html", context)
