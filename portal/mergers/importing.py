"""What every importer from an old portal shares: images, bookkeeping, redirects.

An importer (articles/importers.py) turns each entry of an old portal into
content, then calls these: `localize_images` downloads the images the body
shows into this unit's media (checked like uploads, re-encoded) and points the
body at them; `remember` makes a second run skip the entry; `redirect_old_url`
makes the old address lead to the new content.
"""

import html
import io
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image

from portal.images import validate_image_file
from portal.mergers import redirects
from portal.mergers.fetching import FetchError, fetch
from portal.mergers.models import ImportedItem, Redirect
from portal.uploads import store_image

IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
SRC = re.compile(r"""\bsrc\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
SRCSET = re.compile(
    r"""\s(?:srcset|sizes)\s*=\s*(["']).*?\1""", re.IGNORECASE | re.DOTALL
)
REENCODE = {"JPEG": ("JPEG", ".jpg"), "PNG": ("PNG", ".png"), "WEBP": ("WEBP", ".webp")}


@dataclass
class ImportReport:
    created: list = field(default_factory=list)  # titles
    skipped: list = field(default_factory=list)  # titles already imported
    failed: list = field(default_factory=list)  # (title, reason)
    warnings: list = field(default_factory=list)  # (title, what was dropped)

    def text(self):
        lines = [
            _("Created: %(n)s") % {"n": len(self.created)},
            _("Skipped, already imported: %(n)s") % {"n": len(self.skipped)},
            _("Failed: %(n)s") % {"n": len(self.failed)},
        ]
        lines += [f"  ✗ {title}: {reason}" for title, reason in self.failed]
        lines += [f"  ! {title}: {note}" for title, note in self.warnings]
        return "\n".join(lines)


def already_imported(site, key):
    return ImportedItem.objects.filter(site=site, source_key=key[:500]).exists()


def remember(site, key, obj, user):
    ImportedItem.objects.create(
        site=site,
        source_key=key[:500],
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        imported_by=user,
    )


def download_image(url, *, allow_private=False):
    """A checked, re-encoded image from `url` as a ContentFile; ValidationError."""
    try:
        body, _type, _final = fetch(
            url, max_bytes=settings.IMAGE_MAX_BYTES, allow_private=allow_private
        )
    except FetchError as error:
        raise ValidationError(str(error)) from error
    upload = ContentFile(body, name=PurePosixPath(urlsplit(url).path).name or "anh")
    validate_image_file(upload)
    # Re-encoded from the pixels: whatever else the file carried is left behind.
    with Image.open(io.BytesIO(body)) as image:
        image_format, ext = REENCODE.get(image.format, ("PNG", ".png"))
        frame = image.convert("RGB") if image_format == "JPEG" else image.copy()
    if image_format == "PNG" and frame.mode not in ("RGB", "RGBA", "L", "LA"):
        frame = frame.convert("RGBA")
    out = io.BytesIO()
    frame.save(out, image_format)
    return ContentFile(out.getvalue(), name=f"anh{ext}")


def image_folder(site):
    return f"uploads/import/{site.pk}/{timezone.localdate():%Y/%m}"


def localize_images(body, *, base_url, site, allow_private=False):
    """(body, notes): every <img> now shows a copy in this unit's media.

    An image that cannot be fetched or is not a valid image is left out, and
    a note says which and why.
    """
    notes, stored = [], {}

    def replace(match):
        tag = match.group(0)
        src = SRC.search(tag)
        if src is None:
            return ""
        url = urljoin(base_url or "", html.unescape(src.group(2)).strip())
        if url not in stored:
            try:
                image = download_image(url, allow_private=allow_private)
                stored[url] = store_image(image, folder=image_folder(site))["default"]
            except ValidationError as error:
                notes.append(
                    _("image %(url)s left out: %(reason)s")
                    % {"url": url, "reason": " ".join(error.messages)}
                )
                stored[url] = None
        if stored[url] is None:
            return ""
        tag = SRCSET.sub("", tag)
        return SRC.sub(lambda m: f'src="{html.escape(stored[url])}"', tag, count=1)

    return IMG_TAG.sub(replace, body or ""), notes


def redirect_old_url(site, old_url, new_path):
    """The old address (on its own host, if that is a unit here) → `new_path` on `site`.

    An old portal's host name usually moves to the new portal: an old address
    on a host no unit has is taken as an address of `site` itself.
    """
    if not old_url:
        return None
    host = (urlsplit(old_url).hostname or "").lower()
    old_site = Site.objects.filter(domain__iexact=host).first() if host else None
    try:
        old_path = redirects.normalize_path(old_url)
    except ValidationError:
        return None
    old_site = old_site or site
    if (old_site.pk, old_path) == (site.pk, new_path):
        return None
    return redirects.add_redirect(
        site=old_site,
        old_path=old_path,
        new_path=new_path,
        target_site=site,
        kind=Redirect.Kind.IMPORT,
    )
