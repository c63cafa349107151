"""Counters as rows: one per site per day, incremented in the database.

Nothing here holds an IP address or a User-Agent string: a visitor is a key
(a random-looking salted hash, see stats/counting.py) and a device class.
All increments are made by the statements of stats/sql.py, single SQL statements
(INSERT … ON CONFLICT DO UPDATE SET n = n + …), never read-modify-write.
"""

from django.contrib.sites.models import Site
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class VisitorActivity(models.Model):
    """The last page view of a visitor on a site: decides visits and "online now".

    Short-lived: `stats_rollup` deletes rows not seen for a day.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    visitor = models.CharField(_("visitor key"), max_length=40)
    last_seen = models.DateTimeField(_("last seen"))
    visit_started = models.DateTimeField(_("visit started"))
    # Page views in the current visit; 1 means this page view started a visit,
    # which the counting statement reads back without comparing timestamps.
    visit_page_views = models.PositiveIntegerField(default=1)
    is_mobile = models.BooleanField(_("mobile"), default=False)

    class Meta:
        verbose_name = _("visitor activity")
        verbose_name_plural = _("visitor activities")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "visitor"], name="stats_activity_site_visitor"
            )
        ]
        indexes = [
            # "Online now": count(*) WHERE site_id = … AND last_seen >= …
            models.Index(fields=["site", "last_seen"], name="stats_activity_online"),
            # The clean-up: DELETE … WHERE last_seen < …
            models.Index(fields=["last_seen"], name="stats_activity_last_seen"),
        ]

    def __str__(self):
        return f"{self.visitor} @ {self.site_id}"


class FirstView(models.Model):
    """A page view made without our cookie, and the fresh cookie sent with it.

    The view is counted under the daily hash (a browser that refuses cookies
    stays one visitor). When the cookie comes back, the browser keeps cookies:
    the counting statement deletes this row, makes the view that browser's first
    and adds the visit the daily hash had merged (stats/__init__.py). Rows whose
    cookie never comes back are deleted by `stats_rollup` with old activity.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    cookie_key = models.CharField(_("cookie key"), max_length=40)
    daily_key = models.CharField(_("daily key"), max_length=40)
    seen_at = models.DateTimeField(_("seen at"))
    date = models.DateField(_("date"))
    # This view started the daily hash's visit (else it joined one under way).
    started_visit = models.BooleanField(_("started a visit"))

    class Meta:
        verbose_name = _("first page view")
        verbose_name_plural = _("first page views")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "cookie_key"], name="stats_first_view_cookie"
            )
        ]
        indexes = [models.Index(fields=["seen_at"], name="stats_first_view_seen")]

    def __str__(self):
        return f"{self.cookie_key} @ {self.site_id}"


class DailySiteStats(models.Model):
    """Visits and page views of one site on one day (kept forever: tiny)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    visits = models.PositiveIntegerField(_("visits"), default=0)
    page_views = models.PositiveIntegerField(_("page views"), default=0)
    mobile_visits = models.PositiveIntegerField(_("mobile visits"), default=0)

    class Meta:
        verbose_name = _("access statistics")
        verbose_name_plural = _("access statistics")
        ordering = ["-date"]
        permissions = [("view_statistics", _("Can view access statistics"))]
        constraints = [
            # Also the index of every read: WHERE site_id = … AND date …
            models.UniqueConstraint(fields=["site", "date"], name="stats_daily_site")
        ]

    def __str__(self):
        return f"{self.site_id} {self.date}: {self.visits}"


class DailyArticleViews(models.Model):
    """Views of one article on one day: the "most read" list of the dashboard."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily article views")
        verbose_name_plural = _("daily article views")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "date"], name="stats_daily_article"
            )
        ]
        indexes = [
            # Most read in a range: WHERE site_id = … AND date BETWEEN … GROUP BY
            models.Index(fields=["site", "date"], name="stats_article_site_date"),
            models.Index(fields=["date"], name="stats_article_date"),
        ]

    def __str__(self):
        return f"{self.article_id} {self.date}: {self.views}"


class DailyReferrer(models.Model):
    """Arrivals from another host (host only: no path, no query) on one day."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    host = models.CharField(_("host"), max_length=253)
    visits = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        verbose_name = _("daily referrer")
        verbose_name_plural = _("daily referrers")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "date", "host"], name="stats_daily_referrer"
            )
        ]
        indexes = [models.Index(fields=["date"], name="stats_referrer_date")]

    def __str__(self):
        return f"{self.host} {self.date}: {self.visits}"


class SiteCounterSettings(models.Model):
    """Per-site counter settings: the total carried over from an old portal."""

    site = models.OneToOneField(
        Site,
        on_delete=models.CASCADE,
        related_name="counter_settings",
        verbose_name=_("site"),
    )
    starting_total = models.PositiveBigIntegerField(
        _("starting total"),
        default=0,
        help_text=_(
            "Visits counted before this portal, e.g. by the unit's old portal; "
            "added to the total shown on every page."
        ),
    )

    class Meta:
        verbose_name = _("visitor counter settings")
        verbose_name_plural = _("visitor counter settings")

    def __str__(self):
        return str(self.site)


class AccessLogPosition(models.Model):
    """How far `stats_read_access_log` has counted a log file of nginx's.

    Saved in the transaction that adds the counts of the lines before it, so a
    line is counted exactly once (stats/access_log.py).
    """

    path = models.CharField(_("path"), max_length=500, unique=True)
    # The file's inode: a new one means logrotate renamed the old file.
    inode = models.BigIntegerField(_("inode"), null=True)
    offset = models.BigIntegerField(_("offset"), default=0)

    class Meta:
        verbose_name = _("access log position")
        verbose_name_plural = _("access log positions")

    def __str__(self):
        return f"{self.path} @ {self.offset}"
