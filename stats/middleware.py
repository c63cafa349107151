import logging

from django.conf import settings
from django.utils import timezone

from stats import counting, services

logger = logging.getLogger(__name__)


class VisitCounterMiddleware:
    """Count the page view after the response is made.

    Counting outside the view keeps working when whole pages are cached later,
    and a failure here is logged, never shown: the page is already made.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.STATS_COUNTING and counting.is_countable(request, response):
            try:
                now = timezone.now()
                view = counting.page_view(request, now)
                services.record_page_view(view, now=now)
                if view.new_cookie:
                    counting.set_visitor_cookie(response, view.new_cookie)
            except Exception:
                logger.exception("Counting a page view failed")
        return response
