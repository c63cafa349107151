"""The leaders' weekly work schedule (lịch công tác): one row per engagement."""

from datetime import timedelta

from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from portal.tenancy import SiteQuerySet


class EntryQuerySet(SiteQuerySet):
    def in_order(self):
        """By day, then by time (all-day entries first)."""
        return self.order_by("date", F("start_time").asc(nulls_first=True), "id")

    def in_week(self, week):
        return self.filter(date__range=(week.monday, week.sunday)).in_order()

    def from_day(self, day):
        return self.filter(date__gte=day).in_order()


class Entry(models.Model):
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    date = models.DateField(_("day"))
    start_time = models.TimeField(
        _("time"), null=True, blank=True, help_text=_("Empty: all day.")
    )
    end_time = models.TimeField(_("until"), null=True, blank=True)
    content = models.TextField(_("content"), max_length=1000)
    chair = models.CharField(_("chaired by"), max_length=200, blank=True)
    participants = models.TextField(_("participants"), max_length=1000, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("schedule entry")
        verbose_name_plural = _("work schedule")
        ordering = ["-date", "start_time", "id"]
        indexes = [models.Index(fields=["site", "date"], name="schedule_site_date")]

    def __str__(self):
        when = f"{self.date:%d/%m/%Y}"
        if self.start_time:
            when += f" {self.start_time:%H:%M}"
        return f"{when} – {self.content[:80]}"

    def clean(self):
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": _("Give the start time too.")})
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The end must come after the start.")})

    def copy_to(self, days):
        """An unsaved copy `days` later (the same engagement next week)."""
        return Entry(
            site_id=self.site_id,
            date=self.date + timedelta(days=days),
            start_time=self.start_time,
            end_time=self.end_time,
            content=self.content,
            chair=self.chair,
            participants=self.participants,
            place=self.place,
        )
