"""Public pages of drafts open for consultation, and the opinion form.

Before the window opens and after it closes the form is replaced by a message;
a POST outside the window is refused (403) and saves nothing.
"""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents import files, services
from documents.forms import OpinionForm
from documents.models import Draft, DraftAttachment
from documents.models.draft import Window
from documents.views import visible
from portal import citizen
from portal.models import DEFAULT_RETENTION_MONTHS
from portal.page_context import unit_profile
from portal.saving import saved_copy, wants_saved_copy
from portal.tenancy import set_page_object

OPINION_GROUP = "documents.opinion"
PER_PAGE = 20


def draft_list(request):
    drafts = (
        Draft.objects.for_site(request.site)
        .published()
        .select_related("drafting_body")
        .defer("body", "feedback_report", "search_text")
        .newest_first()
    )
    page = Paginator(drafts, PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    for draft in page:
        draft.window_state = draft.window(today)
    return render(request, "documents/draft_list.html", {"page": page})


def _draft(request, slug):
    return get_object_or_404(
        visible(Draft.objects, request).select_related(
            "document_type", "sector", "drafting_body"
        ),
        slug=slug,
    )


def draft_page(request, draft, form=None, status=200):
    window = draft.window()
    if window == Window.OPEN and form is None:
        form = OpinionForm(retention_months=_retention(request))
    context = {
        "draft": draft,
        "window": window,
        "Window": Window,
        "form": form if window == Window.OPEN else None,
        "attachments": list(draft.attachments.all()),
    }
    return render(request, "documents/draft_detail.html", context, status=status)


def _retention(request):
    # The unit profile the page's footer reads anyway (cached), not one more query.
    unit = unit_profile(request)
    return unit.personal_data_retention_months if unit else DEFAULT_RETENTION_MONTHS


def draft_detail(request, slug):
    draft = _draft(request, slug)
    if wants_saved_copy(request) and draft.is_public:
        context = {"draft": draft, "attachments": list(draft.attachments.all())}
        return saved_copy(
            request, "documents/draft_detail.html", context, title=draft.title
        )
    if draft.is_public:
        set_page_object(request, draft)
    return draft_page(request, draft)


@require_POST
@citizen.open_for_input
def post_opinion(request, slug):
    draft = get_object_or_404(
        Draft.objects.for_site(request.site).published(), slug=slug
    )
    if draft.window() != Window.OPEN:
        return draft_page(request, draft, status=403)
    retention = _retention(request)
    if citizen.wants_new_captcha(request):
        initial = OpinionForm.kept_values(request.POST)
        form = OpinionForm(initial=initial, retention_months=retention)
        return draft_page(request, draft, form)
    form = OpinionForm(request.POST, retention_months=retention)
    if not form.is_valid():
        return draft_page(request, draft, form)
    if not form.is_bot:
        if citizen.over_rate(
            request, group=OPINION_GROUP, rate=settings.CONSULTATION_POST_RATE
        ):
            form.add_error(
                None,
                _(
                    "You have sent several opinions in a short time. Please wait a "
                    "few minutes and send it again; what you typed is kept below."
                ),
            )
            return draft_page(request, draft, form, status=429)
        services.opinion_create(
            draft=draft,
            address_hash=citizen.address_hash(request),
            **{
                name: form.cleaned_data[name]
                for name in ("name", "email", "phone", "clause", "content")
            },
        )
    # A bot that filled the honeypot gets the same answer as a person.
    messages.success(
        request,
        _("Thank you! Your opinion has been received and will be considered."),
        extra_tags="inline opinion",
    )
    return redirect(draft.get_absolute_url() + "#gop-y")


def draft_download(request, slug, pk):
    attachment = get_object_or_404(
        DraftAttachment.objects.select_related("draft"),
        pk=pk,
        draft__in=visible(Draft.objects, request).filter(slug=slug).values("pk"),
    )
    return files.download_response(attachment)
