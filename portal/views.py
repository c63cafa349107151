from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static

from articles.models import Article
from portal import search as search_registry
from portal.models import DEFAULT_RETENTION_MONTHS
from portal.page_context import sections as site_sections
from portal.page_context import unit_profile
from portal.search_index import query as search_query

FEATURED = 5
PER_SECTION = 5
KIND_PARAMETER = "loai"  # /tim-kiem/?q=…&loai=van-ban


def home(request):
    published = Article.objects.for_site(request.site).published().for_listing()
    featured = list(published.filter(featured=True).newest_first()[:FEATURED])
    categories = site_sections(request)
    by_section = {}
    for article in published.latest_per_section(categories, PER_SECTION):
        by_section.setdefault(article.section_id, []).append(article)
    sections = [
        (category, by_section[category.pk])
        for category in categories
        if category.pk in by_section
    ]
    return render(
        request, "portal/home.html", {"featured": featured, "sections": sections}
    )


def search(request):
    """Everything the unit publishes, through the index (no app is imported)."""
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get(KIND_PARAMETER, "")
    if kind not in {source.kind for source in search_registry.sources()}:
        kind = ""
    results = None
    if query:
        results = search_query.run(
            request.site, query, kind=kind, page_number=request.GET.get("page")
        )
    return render(request, "portal/search.html", {"query": query, "results": results})


def privacy_notice(request):
    """The unit's privacy notice, linked from every form that takes personal data."""
    unit = unit_profile(request)
    months = unit.personal_data_retention_months if unit else DEFAULT_RETENTION_MONTHS
    return render(request, "portal/privacy_notice.html", {"retention_months": months})


def favicon(request):
    """/favicon.ico, which browsers ask for by themselves: the unit's logo, else ours."""
    unit = unit_profile(request)
    target = unit.logo.url if unit and unit.logo else static("img/favicon.ico")
    response = redirect(target)
    response["Cache-Control"] = "public, max-age=86400"
    return response


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /captcha/"]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: an expired or missing form token, said in Vietnamese."""
    return render(request, "403_csrf.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
