"""Weeks as the schedule counts them: Monday to Sunday, in Vietnam's calendar."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")


@dataclass(frozen=True)
class Week:
    monday: date

    @classmethod
    def of(cls, day):
        return cls(day - timedelta(days=day.weekday()))

    @classmethod
    def current(cls):
        """The week of today in Vietnam (timezone.localdate), not of UTC's date."""
        return cls.of(timezone.localdate())

    @classmethod
    def parse(cls, text):
        """'2026-W53' (ISO 8601) → that week; None when it names no week."""
        match = _ISO_WEEK.fullmatch(text or "")
        if not match:
            return None
        year, number = int(match[1]), int(match[2])
        if not 2000 <= year <= 2100:
            return None
        try:
            return cls(date.fromisocalendar(year, number, 1))
        except ValueError:  # W00, or W53 of a year that has 52 weeks
            return None

    @property
    def sunday(self):
        return self.monday + timedelta(days=6)

    @property
    def days(self):
        return [self.monday + timedelta(days=n) for n in range(7)]

    @property
    def number(self):
        return self.monday.isocalendar().week

    @property
    def key(self):
        """'2026-W53': the week's name in URLs (its Thursday's ISO year)."""
        iso = self.monday.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"

    @property
    def previous(self):
        return Week(self.monday - timedelta(days=7))

    @property
    def next(self):
        return Week(self.monday + timedelta(days=7))
