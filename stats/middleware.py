import logging
from functools import partial

from django.conf import settings
from django.utils import timezone

from stats import access_log, counting, services

logger = logging.getLogger(__name__)


class VisitCounterMiddleware:
    """Count the page view after the response is made, in the database once it
    is sent.

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
                self.count(request, response, timezone.now())
            except Exception:
                logger.exception("Counting a page view failed")
        return response

    @staticmethod
    def count(request, response, now):
        """Count the view, or append it to the app's log (app_log) for
        stats_read_access_log to count; set the visitor cookie if it is new."""
        if settings.STATS_COUNTED_BY == "app_log":
            new_cookie = access_log.write(request, now)
        else:
            view = counting.page_view(request, now)
            new_cookie = view.new_cookie
            # Written once the page is sent: the server calls response.close()
            # after the last byte (WSGI and ASGI alike), so the reader does not
            # wait for the statement; the worker runs it before its next request.
            # Django closes a FileResponse's file the same way.
            response._resource_closers.append(partial(record, view, now))
        if new_cookie:
            counting.set_visitor_cookie(response, new_cookie)


def record(view, now):
    try:
        services.record_page_view(view, now=now)
    except Exception:
        # Logged, never shown: the page is already sent.
        logger.exception("Counting a page view failed")
