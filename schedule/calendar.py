"""The schedule as an iCalendar feed (RFC 5545), written by the icalendar library.

Times are given in UTC: exact, and needing no VTIMEZONE block. An entry without
a time is an all-day event (VALUE=DATE).
"""

from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

FEED_WEEKS_BACK = timedelta(weeks=4)
FEED_LIMIT = 1000


def as_icalendar(entries, *, site, unit_name):
    calendar = Calendar()
    calendar.add("prodid", "-//Cong thong tin dien tu//Lich cong tac//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Work schedule – %(unit)s") % {"unit": unit_name})
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for entry in entries[:FEED_LIMIT]:
        calendar.add_component(_event(entry, site))
    return calendar.to_ical()


def _event(entry, site):
    event = Event()
    event.add("uid", f"lich-cong-tac-{entry.pk}@{site.domain}")
    event.add("dtstamp", entry.updated_at.astimezone(UTC))
    event.add("last-modified", entry.updated_at.astimezone(UTC))
    if entry.start_time is None:
        event.add("dtstart", entry.date)
        event.add("dtend", entry.date + timedelta(days=1))
    else:
        event.add("dtstart", _utc(entry.date, entry.start_time))
        if entry.end_time:
            event.add("dtend", _utc(entry.date, entry.end_time))
    event.add("summary", " ".join(entry.content.split()))
    if entry.place:
        event.add("location", entry.place)
    details = []
    if entry.chair:
        details.append(_("Chaired by: %(name)s") % {"name": entry.chair})
    if entry.participants:
        details.append(_("Participants: %(names)s") % {"names": entry.participants})
    if details:
        event.add("description", "\n".join(details))
    return event


def _utc(day, time):
    """A Vietnamese wall-clock time on `day` as a UTC instant."""
    local = timezone.make_aware(
        datetime.combine(day, time), timezone.get_default_timezone()
    )
    return local.astimezone(UTC)
