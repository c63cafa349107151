from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from portal import citizen
from portal.models import UnitProfile
from portal.saving import saved_copy, wants_saved_copy
from portal.tenancy import set_page_object, user_can_manage_site
from questions import services
from questions.forms import AskForm
from questions.models import (
    CODE_LENGTH,
    Question,
    Topic,
    clean_tracking_code,
    new_tracking_code,
)
from questions.states import public_state

PER_PAGE = 15
ASK_GROUP = "questions.ask"
LOOKUP_GROUP = "questions.lookup"
SENT_CODE = "questions_sent_code"  # session key: the code shown once after asking


DETAIL_TEMPLATE = "questions/question_detail.html"


def question_list(request):
    """Answered questions, newest first; by field and by words."""
    topics = list(Topic.objects.for_site(request.site))
    topic = next((t for t in topics if t.slug == request.GET.get("linh-vuc")), None)
    query = request.GET.get("q", "").strip()[:200]
    questions = Question.objects.for_site(request.site).published()
    if topic is not None:
        questions = questions.filter(topic=topic)
    if query:
        questions = questions.search(query)
    page = Paginator(questions.for_listing().newest_first(), PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"topics": topics, "topic": topic, "query": query, "page": page}
    return render(request, "questions/question_list.html", context)


def question_detail(request, slug):
    questions = Question.objects.for_site(request.site)
    # The unit's staff may preview an answer before it is published.
    if not user_can_manage_site(request.user, request.site):
        questions = questions.published()
    question = get_object_or_404(questions.select_related("topic"), slug=slug)
    context = {"question": question}
    if wants_saved_copy(request) and question.is_public:
        return saved_copy(request, DETAIL_TEMPLATE, context, title=question.title)
    if question.is_public:
        set_page_object(request, question)
    return render(request, DETAIL_TEMPLATE, context)


@citizen.open_for_input
def ask(request):
    retention = UnitProfile.retention_months_for(request.site)
    options = {"site": request.site, "retention_months": retention}
    if request.method != "POST":
        return _ask_page(request, AskForm(**options))
    if citizen.wants_new_captcha(request):
        # The no-JS "new code" button: same page, a fresh captcha, nothing lost.
        initial = AskForm.kept_values(request.POST)
        return _ask_page(request, AskForm(initial=initial, **options))
    form = AskForm(request.POST, **options)
    if not form.is_valid():
        return _ask_page(request, form)
    code = new_tracking_code()
    if not form.is_bot:
        # Counted after validation, so typos and wrong codes cost no quota.
        if citizen.over_rate(
            request, group=ASK_GROUP, rate=settings.QUESTIONS_ASK_RATE
        ):
            form.add_error(
                None,
                _(
                    "You have sent several questions in a short time. Please wait "
                    "a while and send it again; what you typed is kept below."
                ),
            )
            return _ask_page(request, form, status=429)
        question = services.ask(
            site=request.site,
            address_hash=citizen.address_hash(request),
            topic=form.cleaned_data.get("topic"),
            **{
                name: form.cleaned_data[name]
                for name in ("name", "email", "phone", "title", "question")
            },
        )
        code = question.tracking_code
    # A bot that filled the honeypot gets the same answer as a person (with a
    # code that leads nowhere), so it has nothing to learn; nothing was saved.
    request.session[SENT_CODE] = code
    return redirect("questions:sent")


def _guessing(request):
    """This address has missed too many codes lately (read only, counts nothing)."""
    return is_ratelimited(
        request,
        group=LOOKUP_GROUP,
        key=citizen.ratelimit_key,
        rate=settings.QUESTIONS_LOOKUP_RATE,
        increment=False,
    )


def _ask_page(request, form, status=200):
    return render(request, "questions/ask.html", {"form": form}, status=status)


@never_cache
def sent(request):
    """After asking: the tracking code to write down (kept for the session)."""
    code = request.session.get(SENT_CODE)
    if not code:
        return redirect("questions:ask")
    display = f"{code[:4]}-{code[4:]}"
    return render(request, "questions/sent.html", {"code": code, "display": display})


@never_cache
@citizen.open_for_input
def track(request):
    """The state of a question, by its tracking code: no account needed.

    The code is sent by POST, so it stays out of addresses, server logs,
    browser history and Referer headers.
    """
    typed = request.POST.get("ma", "").strip()[:40] if request.method == "POST" else ""
    question = error = None
    status = 200
    if typed:
        code = clean_tracking_code(typed)
        if _guessing(request):
            error, status = _("Too many look-ups; please try again later."), 429
        elif len(code) != CODE_LENGTH:
            error = _("A tracking code has 8 letters and digits, e.g. ABCD-EFGH.")
        else:
            question = (
                Question.objects.for_site(request.site)
                .select_related("topic")
                .filter(tracking_code=code)
                .first()
            )
            if question is None:
                error = _(
                    "No question has this code. Check the code you were given "
                    "when you sent your question."
                )
        # Misses use up the quota; once it is spent every look-up waits, so
        # nobody can try codes at speed. A good code is never counted.
        if (
            question is None
            and status == 200
            and citizen.over_rate(
                request, group=LOOKUP_GROUP, rate=settings.QUESTIONS_LOOKUP_RATE
            )
        ):
            error, status = _("Too many look-ups; please try again later."), 429
    context = {
        "typed": typed,
        "question": question,
        "state": public_state(question) if question else None,
        "error": error,
    }
    return render(request, "questions/track.html", context, status=status)
