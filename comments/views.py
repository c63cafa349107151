"""The comment form and the star vote under an article.

The article page a reader first gets holds neither a captcha nor a CSRF token:
it is the same for every anonymous reader, so it can be served from the shared
page cache (portal/pagecache.py), and a page view creates no captcha row.
Both come when the reader starts:

- "Write a comment" opens the form (GET of the comment URL): the whole page
  without JavaScript, the form's section alone for the script;
- a star is a GET to the vote URL: the script asks it for a CSRF token (JSON)
  and posts the vote; without JavaScript it is a one-button page that posts it.

Both POSTs answer with a redirect back to the article (post/redirect/get); a
comment with errors re-shows the page with the bound form instead.
"""

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from articles.models import Article
from articles.selectors import article_page
from comments import services, visitors
from comments.display import rating_payload
from comments.forms import CommentForm, RatingForm
from portal import citizen
from portal.models import UnitProfile

COMMENT_GROUP = "comments.post"


def public_article(request, slug):
    """Only a published article of this host's unit can be rated or commented."""
    return get_object_or_404(
        Article.objects.for_site(request.site)
        .published()
        .select_related("category", "category__parent"),
        slug=slug,
    )


def wants_json(request):
    """The script's fetch() asks for JSON; a plain form post gets a redirect."""
    ajax = request.headers.get("x-requested-with") == "XMLHttpRequest"
    return ajax or "application/json" in request.headers.get("accept", "")


def article_with_form(request, article, form, status=200):
    """The article page again, showing `form` (errors, or a new captcha)."""
    context = {**article_page(article), "comment_form": form}
    return render(request, "articles/article_detail.html", context, status=status)


def comment_form_page(request, article, form):
    """The form opened by "Write a comment": its section for the script, else
    the whole article page with it."""
    if wants_fragment(request):
        return render(
            request,
            "comments/comment_form.html",
            {"article": article, "form": form, "public": True},
        )
    return article_with_form(request, article, form)


def wants_fragment(request):
    return request.headers.get("x-requested-with") == "XMLHttpRequest"


@never_cache
@require_http_methods(["GET", "POST"])
@citizen.open_for_input
def post_comment(request, slug):
    article = public_article(request, slug)
    retention = UnitProfile.retention_months_for(request.site)
    if request.method == "GET":
        # The reader starts a comment: the captcha is made now, not per view.
        return comment_form_page(
            request, article, CommentForm(retention_months=retention)
        )
    if citizen.wants_new_captcha(request):
        # The no-JS "new code" button: same page, a fresh captcha, nothing lost.
        initial = CommentForm.kept_values(request.POST)
        form = CommentForm(initial=initial, retention_months=retention)
        return article_with_form(request, article, form)
    form = CommentForm(request.POST, retention_months=retention)
    if not form.is_valid():
        return article_with_form(request, article, form)
    if not form.is_bot:
        # Counted after validation, so typos and wrong codes cost no quota; the
        # captcha (one use per key) already bounds how fast anyone can get here.
        if citizen.over_rate(
            request, group=COMMENT_GROUP, rate=settings.COMMENTS_POST_RATE
        ):
            form.add_error(
                None,
                _(
                    "You have sent several comments in a short time. Please wait "
                    "a few minutes and send it again; what you typed is kept below."
                ),
            )
            return article_with_form(request, article, form, status=429)
        services.comment_create(
            article=article,
            address_hash=citizen.address_hash(request),
            **{
                name: form.cleaned_data[name]
                for name in ("name", "phone", "title", "content")
            },
        )
    # A bot that filled the honeypot gets the same answer as a person, so it has
    # nothing to learn from; nothing was saved.
    messages.success(
        request,
        _(
            "Thank you! Your comment is awaiting moderation and will be shown once "
            "it has been approved."
        ),
        extra_tags="inline comment",
    )
    return redirect(article.get_absolute_url() + "#binh-luan")


@never_cache
@require_http_methods(["GET", "POST"])
@citizen.open_for_input
@ratelimit(
    group="comments.vote",
    key=citizen.ratelimit_key,
    rate=lambda group, request: settings.COMMENTS_VOTE_RATE,
    method="POST",  # choosing a star (a GET) is not a vote
    block=False,
)
def rate_article(request, slug):
    article = public_article(request, slug)
    if request.method == "GET":
        return vote_start(request, article)
    if request.limited:
        message = _("Too many votes from your connection. Please try again later.")
        if wants_json(request):
            return JsonResponse({"error": message}, status=429)
        return render(
            request,
            "comments/rate_limited.html",
            {"article": article, "message": message},
            status=429,
        )
    form = RatingForm(request.POST)
    if not form.is_valid():
        message = _("Choose from 1 to 5 stars.")
        if wants_json(request):
            return JsonResponse({"error": message}, status=400)
        messages.error(request, message, extra_tags="inline rating")
        return redirect(article.get_absolute_url() + "#danh-gia")
    voter_id = visitors.voter_cookie_id(request) or visitors.daily_voter_id(request)
    summary = services.rating_vote(
        article=article,
        voter=visitors.voter_hash(voter_id),
        address_hash=citizen.address_hash(request),
        stars=form.cleaned_data["stars"],
    )
    thanks = _("Thank you for rating this article.")
    if wants_json(request):
        response = JsonResponse({"message": thanks, **rating_payload(summary)})
    else:
        messages.success(request, thanks, extra_tags="inline rating")
        response = redirect(article.get_absolute_url() + "#danh-gia")
    visitors.remember_voter(response, voter_id)
    return response


def vote_start(request, article):
    """A star chosen on the (token-free) article page: the script gets a CSRF
    token to post it with; without JavaScript, a page whose button posts it."""
    if wants_json(request):
        return JsonResponse({"csrf": get_token(request)})
    form = RatingForm(request.GET)
    stars = form.cleaned_data["stars"] if form.is_valid() else None
    return render(
        request,
        "comments/rate_confirm.html",
        {"article": article, "stars": stars, "choices": range(1, 6)},
    )
