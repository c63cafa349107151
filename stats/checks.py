"""`manage.py check` rejects stats settings that would count wrongly (stats.E00x)."""

from django.conf import settings
from django.core import checks

from stats import conf


def whole_number(value, minimum=1):
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def check_settings(app_configs=None, **kwargs):
    errors = []
    if settings.STATS_BACKEND not in {"db", "redis"}:
        errors.append(
            checks.Error(
                f"STATS_BACKEND must be 'db' or 'redis', not {settings.STATS_BACKEND!r}.",
                id="stats.E001",
            )
        )
    elif settings.STATS_BACKEND == "redis" and not settings.STATS_REDIS_URL:
        errors.append(
            checks.Error(
                "STATS_BACKEND=redis needs a Redis server.",
                hint="Set REDIS_URL or STATS_REDIS_URL, e.g. redis://127.0.0.1:6379/0.",
                id="stats.E002",
            )
        )
    if settings.STATS_COUNTED_BY not in {"app", "access_log", "app_log"}:
        errors.append(
            checks.Error(
                "STATS_COUNTED_BY must be 'app', 'access_log' or 'app_log', "
                f"not {settings.STATS_COUNTED_BY!r}.",
                id="stats.E006",
            )
        )
    if (
        settings.STATS_COUNTING
        and settings.STATS_COUNTED_BY != "access_log"
        and settings.PROXY_CACHE_SECONDS
    ):
        errors.append(
            checks.Error(
                "PROXY_CACHE_SECONDS lets nginx answer views the app never sees: "
                f"STATS_COUNTED_BY={settings.STATS_COUNTED_BY} would not count them.",
                hint="Set STATS_COUNTED_BY=access_log and run stats_read_access_log "
                "(README, 'Behind nginx'), or PROXY_CACHE_SECONDS=0.",
                id="stats.E007",
            )
        )
    for name in (
        "STATS_VISIT_MINUTES",
        "STATS_ONLINE_MINUTES",
        "STATS_RETENTION_DAYS",
        "STATS_ACTIVITY_KEEP_HOURS",
    ):
        if not whole_number(getattr(settings, name)):
            errors.append(
                checks.Error(
                    f"{name} must be a whole number of at least 1, "
                    f"not {getattr(settings, name)!r}.",
                    id="stats.E003",
                )
            )
    seconds = settings.STATS_COUNTER_CACHE_SECONDS
    if not whole_number(seconds, minimum=0) or seconds > conf.MAX_COUNTER_CACHE_SECONDS:
        errors.append(
            checks.Error(
                f"STATS_COUNTER_CACHE_SECONDS must be from 0 to "
                f"{conf.MAX_COUNTER_CACHE_SECONDS}, not {seconds!r}.",
                hint="The counter block would show figures older than a minute.",
                id="stats.E004",
            )
        )
    if not errors and (
        settings.STATS_ACTIVITY_KEEP_HOURS * 60 < settings.STATS_VISIT_MINUTES
    ):
        errors.append(
            checks.Error(
                "STATS_ACTIVITY_KEEP_HOURS is shorter than STATS_VISIT_MINUTES.",
                hint="`stats_rollup` would delete visits under way: every later "
                "page view of theirs would count as a new visit.",
                id="stats.E005",
            )
        )
    return errors
