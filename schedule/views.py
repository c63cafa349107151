from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from portal.models import UnitProfile
from schedule.calendar import FEED_WEEKS_BACK, as_icalendar
from schedule.models import Entry
from schedule.weeks import Week


def week_page(request):
    """One week, Monday to Sunday; without ?tuan= the current week in Vietnam."""
    current = Week.current()
    week = Week.parse(request.GET["tuan"]) if "tuan" in request.GET else current
    if week is None:
        raise Http404("No such week")
    entries = list(Entry.objects.for_site(request.site).in_week(week))
    days = [
        (day, [entry for entry in entries if entry.date == day]) for day in week.days
    ]
    context = {
        "week": week,
        "current": current,
        "days": days,
        "today": timezone.localdate(),
        "has_entries": bool(entries),
    }
    return render(request, "schedule/week.html", context)


def feed(request):
    """The schedule as iCalendar (RFC 5545): recent weeks and everything ahead."""
    since = Week.current().monday - FEED_WEEKS_BACK
    entries = Entry.objects.for_site(request.site).from_day(since)
    unit = UnitProfile.objects.filter(site=request.site).first()
    body = as_icalendar(
        entries, site=request.site, unit_name=unit.name if unit else request.site.name
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-cong-tac.ics"'
    return response
