"""Every uploaded image is checked, then re-encoded by Pillow before it is stored.

Re-encoding is what makes an upload harmless: the stored file holds only the
pixels Pillow decoded (no EXIF/GPS, no comments, nothing appended after the
image, so a polyglot image that is also HTML stops being HTML), and its name
ends with the extension of the format Pillow detected, never the uploader's.
"""

import io
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}
# What the re-encoded image keeps of Pillow's `info`: how to draw it, nothing else.
KEPT_INFO = {"transparency", "duration", "loop", "background", "icc_profile"}


def _looks_like_svg(file):
    file.seek(0)
    head = file.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head


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
        if _looks_like_svg(file):
            # An SVG is a document that can carry script, not a picture.
            raise ValidationError(
                _("SVG images are not accepted: upload a JPEG, PNG, GIF or WebP."),
                code="svg",
            )
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


def reencode(file):
    """A ContentFile of `file` re-encoded by Pillow, named <random>.<detected ext>.

    The EXIF orientation is applied first, so photos stay upright once their
    metadata (GPS position included) is gone. Call validate_image_file() first.
    """
    file.seek(0)
    with Image.open(file) as image:
        fmt = image.format
        if fmt not in ALLOWED_FORMATS:
            raise ValidationError(
                _("Only JPEG, PNG, GIF and WebP images are accepted."), code="format"
            )
        animated = getattr(image, "n_frames", 1) > 1 and fmt in {"GIF", "WEBP"}
        options = {key: image.info[key] for key in KEPT_INFO if key in image.info}
        buffer = io.BytesIO()
        if animated:
            # Frames are decoded and written again; extensions and comments are not.
            image.save(buffer, fmt, save_all=True, **options)
        else:
            clean = ImageOps.exif_transpose(image)
            clean.info = {}
            if fmt == "JPEG":
                if clean.mode not in {"RGB", "L", "CMYK"}:
                    clean = clean.convert("RGB")
                options.update(quality=90, optimize=True)
            clean.save(buffer, fmt, **options)
    file.seek(0)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}{EXTENSIONS[fmt]}")


class SafeImageFormField(forms.ImageField):
    """Django's ImageField, with our clearer checks run before Pillow decodes."""

    def to_python(self, data):
        if data not in self.empty_values:
            validate_image_file(data)
        return super().to_python(data)


class SafeImageField(models.ImageField):
    """An ImageField whose new files are stored re-encoded, under a random name.

    Done on save (not in the form), so the admin, services and the demo loader
    all store the same harmless file.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            clean = reencode(file.file)
            file.save(clean.name, clean, save=False)
            return file
        return super().pre_save(model_instance, add)


def private_original_path(folder, filename):
    """Where an original is kept that only its renditions are published from.

    MEDIA_ROOT/originals/ is never served (portal.media, deploy/nginx.conf), so
    the full-size upload cannot be fetched, whatever a rendition's path says.
    """
    return f"{ORIGINALS_PREFIX}{folder}/{filename}"


ORIGINALS_PREFIX = "originals/"
