"""Reads behind the statistics dashboard: the range, the daily series, the lists."""

import csv
from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.db.models import Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stats.models import DailyArticleViews, DailyReferrer, DailySiteStats
from stats.services import group_digits

PRESETS = (7, 30, 90)
DEFAULT_DAYS = 30
MAX_DAYS = 731
DATE_INPUT = ["%d/%m/%Y"]
DATE_ERROR = gettext_lazy("Enter a valid date as dd/mm/yyyy, e.g. 25/12/2020.")


class RangeForm(forms.Form):
    """The last 7 / 30 / 90 days, or a range typed as dd/mm/yyyy."""

    days = forms.TypedChoiceField(
        label=gettext_lazy("Period"),
        choices=[(n, n) for n in PRESETS],
        coerce=int,
        required=False,
    )
    start = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        input_formats=DATE_INPUT,
        error_messages={"invalid": DATE_ERROR},
        widget=forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "size": 10}),
    )
    end = forms.DateField(
        label=gettext_lazy("To"),
        required=False,
        input_formats=DATE_INPUT,
        error_messages={"invalid": DATE_ERROR},
        widget=forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "size": 10}),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if self.errors or not (start or end):
            return data
        if not (start and end):
            raise forms.ValidationError(_("Enter both the start and the end date."))
        if start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        if (end - start).days + 1 > MAX_DAYS:
            raise forms.ValidationError(
                _("A range may be at most %(days)s days long.") % {"days": MAX_DAYS}
            )
        return data

    def date_range(self, today):
        """(start, end) of a valid form; the default period otherwise."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("start") and data.get("end"):
            return data["start"], data["end"]
        days = data.get("days") or DEFAULT_DAYS
        return today - timedelta(days=days - 1), today


@dataclass
class Day:
    date: date
    visits: int = 0
    page_views: int = 0
    mobile_visits: int = 0


def daily_series(site, start, end):
    """One Day per date of the range, zero where nothing was counted."""
    rows = {
        row.date: row
        for row in DailySiteStats.objects.filter(site=site, date__range=(start, end))
    }
    days = []
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        row = rows.get(day)
        days.append(
            Day(day, row.visits, row.page_views, row.mobile_visits) if row else Day(day)
        )
    return days


def totals(days):
    visits = sum(d.visits for d in days)
    mobile = sum(d.mobile_visits for d in days)
    mobile_share = round(100 * mobile / visits) if visits else 0
    return {
        "visits": visits,
        "page_views": sum(d.page_views for d in days),
        "mobile_visits": mobile,
        "mobile_share": mobile_share,
        "desktop_share": 100 - mobile_share if visits else 0,
    }


def top_articles(site, start, end, limit=10):
    return list(
        DailyArticleViews.objects.filter(site=site, date__range=(start, end))
        .values("article_id", "article__title", "article__slug")
        .annotate(views=Sum("views"))
        .order_by("-views", "article_id")[:limit]
    )


def top_referrers(site, start, end, limit=10):
    return list(
        DailyReferrer.objects.filter(site=site, date__range=(start, end))
        .values("host")
        .annotate(visits=Sum("visits"))
        .order_by("-visits", "host")[:limit]
    )


def chart(days, width=720, height=240, pad=24, left=56):
    """Geometry of an SVG chart: bars of visits, a line of page views."""
    top = max([d.page_views for d in days] + [d.visits for d in days] + [1])
    scale = nice_ceiling(top)
    inner_w, inner_h = width - left - pad, height - 2 * pad
    step = inner_w / len(days)
    bar_w = max(step * 0.7, 0.5)

    def y(value):
        return pad + inner_h - inner_h * value / scale

    bars, points = [], []
    for i, day in enumerate(days):
        x = left + i * step
        bars.append(
            {
                "x": round(x + (step - bar_w) / 2, 2),
                "y": round(y(day.visits), 2),
                "w": round(bar_w, 2),
                "h": round(pad + inner_h - y(day.visits), 2),
                "day": day,
            }
        )
        points.append(f"{x + step / 2:.2f},{y(day.page_views):.2f}")
    label_at = sorted({0, len(days) // 2, len(days) - 1})
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "line": " ".join(points),
        "grid": [
            {"y": round(y(v), 2), "label": group_digits(v)}
            for v in (0, scale // 2, scale)
        ],
        "x_labels": [
            {"x": round(left + (i + 0.5) * step, 2), "date": days[i].date}
            for i in label_at
        ],
        "left": left,
        "right": width - pad,
        "bottom": pad + inner_h,
    }


def nice_ceiling(value):
    """The next 1, 2 or 5 × 10^n at or above value (a readable axis top)."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude >= value:
                return factor * magnitude
        magnitude *= 10


def csv_response(site, days, start, end):
    """The daily figures for Excel: UTF-8 with a BOM, Vietnamese header, dd/mm/yyyy."""
    domain = site.domain.replace(":", "-")
    name = f"thong-ke-{domain}-{start:%Y%m%d}-{end:%Y%m%d}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Date"), _("Visits"), _("Page views"), _("Mobile visits")])
    for day in days:
        writer.writerow(
            [f"{day.date:%d/%m/%Y}", day.visits, day.page_views, day.mobile_visits]
        )
    return response


def today():
    return timezone.localdate()
