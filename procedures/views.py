from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from portal.saving import saved_copy, wants_saved_copy
from portal.tenancy import set_page_object, user_can_manage_site
from procedures.models import Procedure, ProcedureField

PER_PAGE = 30


DETAIL_TEMPLATE = "procedures/procedure_detail.html"


def procedure_list(request):
    fields = list(ProcedureField.objects.for_site(request.site))
    query = request.GET.get("q", "").strip()[:200]
    chosen = next((f for f in fields if f.slug == request.GET.get("linh-vuc")), None)
    procedures = Procedure.objects.for_site(request.site).published()
    if chosen is not None:
        procedures = procedures.filter(field=chosen)
    if query:
        procedures = procedures.search(query)
    procedures = procedures.for_listing().order_by(
        "field__position", "field__name", "name", "id"
    )
    page = Paginator(procedures, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "procedures/procedure_list.html",
        {"fields": fields, "chosen": chosen, "query": query, "page": page},
    )


def procedure_detail(request, slug):
    procedures = Procedure.objects.for_site(request.site)
    if not user_can_manage_site(request.user, request.site):
        procedures = procedures.published()
    procedure = get_object_or_404(procedures.select_related("field"), slug=slug)
    context = {"procedure": procedure}
    if wants_saved_copy(request) and procedure.is_public:
        return saved_copy(request, DETAIL_TEMPLATE, context, title=procedure.name)
    if procedure.is_public:
        set_page_object(request, procedure)
    return render(request, DETAIL_TEMPLATE, context)
