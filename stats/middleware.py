import logging

from django.conf import settings
from django.utils import timezone

from stats import access_log, counting, services

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
        if not settings.STATS_COUNTING:
            return response
        if settings.STATS_COUNTED_BY == "access_log":
            # nginx logs the views of marked pages, those it answers from its
            # cache included; stats/access_log.py counts them.
            if counting.is_countable_page(request, response):
                response[access_log.HEADER] = access_log.mark(request)
            return response
        if counting.is_countable(request, response):
            try:
                new_cookie = self.count(request, timezone.now())
                if new_cookie:
                    counting.set_visitor_cookie(response, new_cookie)
            except Exception:
                logger.exception("Counting a page view failed")
        return response

    @staticmethod
    def count(request, now):
        """Count the view, or append it to the app's log (app_log) for
        stats_read_access_log to count; returns the visitor cookie to set, if new."""
        if settings.STATS_COUNTED_BY == "app_log":
            return access_log.write(request, now)
        view = counting.page_view(request, now)
        services.record_page_view(view, now=now)
        return view.new_cookie
