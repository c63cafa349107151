"""Checks every uploaded image with Pillow before anything is stored."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def validate_image_file(file):
    """Raise ValidationError unless `file` is a real, reasonably sized image.

    The pixel count is read from the header before any decoding, so a
    decompression bomb is refused without being unpacked.
    """
    if file.size is not None and file.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The file is too big (%(size)s); the limit is %(limit)s.")
            % {
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.IMAGE_MAX_BYTES),
            },
            code="file_too_big",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            width, height = image.size
            if (
                width * height > settings.IMAGE_MAX_PIXELS
                or max(width, height) > settings.IMAGE_MAX_SIDE
            ):
                raise ValidationError(
                    _(
                        "The image is too large (%(width)s×%(height)s pixels); "
                        "please resize it to at most %(limit)s megapixels."
                    )
                    % {
                        "width": width,
                        "height": height,
                        "limit": settings.IMAGE_MAX_PIXELS // 1_000_000,
                    },
                    code="too_many_pixels",
                )
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Only JPEG, PNG, GIF and WebP images are accepted."),
                    code="format",
                )
            image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The image is too large to be processed safely."), code="too_many_pixels"
        ) from None
    except Exception:  # Pillow raises many types for a broken or fake image.
        raise ValidationError(
            _("This file is not a valid image or it is damaged."), code="invalid_image"
        ) from None
    finally:
        file.seek(position)


class SafeImageFormField(forms.ImageField):
    """Django's ImageField, with our clearer checks run before Pillow decodes."""

    def to_python(self, data):
        if data not in self.empty_values:
            validate_image_file(data)
        return super().to_python(data)


class SafeImageField(models.ImageField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})
