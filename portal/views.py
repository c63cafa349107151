from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from articles.models import Article
from portal import search as search_registry
from portal.context_processors import unit as unit_context
from portal.models import DEFAULT_RETENTION_MONTHS
from portal.search_index import query as search_query

FEATURED = 5
PER_SECTION = 5
KIND_PARAMETER = "loai"  # /tim-kiem/?q=…&loai=van-ban


def home(request):
    published = Article.objects.for_site(request.site).published().for_listing()
    featured = list(published.filter(featured=True).newest_first()[:FEATURED])
    categories = unit_context(request)["sections"]
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
    unit = unit_context(request)["unit"]
    months = unit.personal_data_retention_months if unit else DEFAULT_RETENTION_MONTHS
    return render(request, "portal/privacy_notice.html", {"retention_months": months})


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /captcha/"]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
