"""`manage.py check` rejects comment rate limits django-ratelimit cannot read."""

import re

from django.conf import settings
from django.core import checks

# django-ratelimit's rates: a count per an optional multiple of s, m, h or d.
RATE_RE = re.compile(r"[1-9][0-9]*/[1-9]?[0-9]*[smhd]")


def check_settings(app_configs=None, **kwargs):
    return [
        checks.Error(
            f"{name} must be a rate like 5/10m (5 per 10 minutes), not {value!r}.",
            hint="A count, a slash, then s, m, h or d, optionally after a number.",
            id="comments.E001",
        )
        for name in ("COMMENTS_POST_RATE", "COMMENTS_VOTE_RATE")
        if not (isinstance(value := getattr(settings, name), str))
        or not RATE_RE.fullmatch(value)
    ]
