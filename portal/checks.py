"""`manage.py check` rejects image limits that would let anything or nothing in."""

from django.conf import settings
from django.core import checks


def check_settings(app_configs=None, **kwargs):
    return [
        checks.Error(
            f"{name} must be a whole number of at least 1, not {value!r}.",
            id="portal.E001",
        )
        for name in ("IMAGE_MAX_BYTES", "IMAGE_MAX_PIXELS", "IMAGE_MAX_SIDE")
        if not isinstance(value := getattr(settings, name), int)
        or isinstance(value, bool)
        or value < 1
    ]
