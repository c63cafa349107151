"""Print and save: "Lưu bài viết" downloads a clean, self-contained copy of a page.

Any detail page can offer it (articles, pages, documents, answers…):

- its template extends `base_template|default:"base.html"`, wraps what is worth
  keeping (title, date, text, pictures) in `{% block printable %}` inside its
  content block, and includes `includes/print_save.html` (the print and save
  buttons, and the address and date that only the printed page shows);
- its view answers `saved_copy(...)` when `wants_saved_copy(request)`:

      if wants_saved_copy(request):
          return saved_copy(request, "pages/page_detail.html", context,
                            title=page.title)

The copy renders the same template with `portal/saved_copy.html` as its parent,
which keeps only the printable block: no menu, forms, counter or sidebar. Its
CSS is inline, its links absolute, and the unit's own pictures are inlined as
data: URIs, so it reads the same offline, in an e-mail or years later when the
portal has moved. Pictures from elsewhere stay as absolute URLs: the server never
fetches a URL someone typed into a page (no requests to arbitrary hosts).
"""

import base64
import html
import mimetypes
import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string

from portal.text import slugify_vi

SAVE_PARAMETER = "luu"
SAVED_COPY_TEMPLATE = "portal/saved_copy.html"
# Inlined pictures stop here; beyond, they stay links (a copy must stay openable).
MAX_IMAGE_BYTES = 3 * 1024 * 1024
MAX_TOTAL_BYTES = 12 * 1024 * 1024
# The rendition a saved copy prefers: sharp on paper and screens, not the original.
PREFERRED_WIDTH = 960
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'\s(src|srcset|sizes|loading)="([^"]*)"', re.IGNORECASE)
_LINK = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*|/)"', re.IGNORECASE)
_PATH_SEPARATORS = re.compile(r"\s*[\\/]\s*")
_FILE_NAME_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def wants_saved_copy(request):
    return request.GET.get(SAVE_PARAMETER) == "1"


def saved_copy(request, template, context, *, title):
    """The page of `template` as a downloaded, self-contained HTML file."""
    source_url = request.build_absolute_uri(request.path)
    page = render_to_string(
        template,
        {
            **context,
            "base_template": SAVED_COPY_TEMPLATE,
            "saved_title": title,
            "source_url": source_url,
        },
        request=request,
    )
    response = HttpResponse(
        self_contained(page, request), content_type="text/html; charset=utf-8"
    )
    response["Content-Disposition"] = attachment_header(title)
    response["X-Robots-Tag"] = "noindex"
    return response


def attachment_header(title, extension="html"):
    """Content-Disposition with the Vietnamese file name (RFC 6266 and 5987).

    `filename*` carries the name as written, in UTF-8; `filename` is the plain
    ASCII fallback for the few clients that do not read `filename*`.
    """
    # "12/QĐ-UBND" keeps its parts apart with a dash, as Vietnamese file names do.
    title = _PATH_SEPARATORS.sub("-", title)
    name = unicodedata.normalize("NFC", _FILE_NAME_UNSAFE.sub(" ", title))
    name = " ".join(name.split())[:120].strip(" .") or "trang"
    fallback = slugify_vi(name)[:100] or "trang"
    return (
        f'attachment; filename="{fallback}.{extension}"; '
        f"filename*=UTF-8''{quote(f'{name}.{extension}', safe='')}"
    )


def self_contained(page, request):
    """`page` with the unit's pictures inlined and every link absolute."""
    budget = [MAX_TOTAL_BYTES]

    def image(match):
        return _self_contained_image(match.group(0), request, budget)

    page = _IMG.sub(image, page)
    base = request.build_absolute_uri("/")[:-1]
    return _LINK.sub(lambda m: f'{m.group(1)}{base}{m.group(2)}"', page)


def _self_contained_image(tag, request, budget):
    attributes = {name.lower(): value for name, value in _ATTR.findall(tag)}
    src = html.unescape(attributes.get("src", ""))
    chosen = _preferred_rendition(html.unescape(attributes.get("srcset", ""))) or src
    # srcset and sizes would point the reader's browser back at the portal.
    tag = _ATTR.sub(
        lambda m: m.group(0) if m.group(1).lower() == "src" else "", tag
    ).replace("\n", " ")
    data = _data_uri(chosen, budget) or (
        _data_uri(src, budget) if chosen != src else None
    )
    new_src = data or (request.build_absolute_uri(src) if src else "")
    return re.sub(
        r'\ssrc="[^"]*"', lambda m: f' src="{html.escape(new_src)}"', tag, count=1
    )


def _preferred_rendition(srcset):
    """The URL of the srcset candidate closest to PREFERRED_WIDTH from below."""
    candidates = []
    for part in srcset.split(","):
        bits = part.split()
        if len(bits) == 2 and bits[1].endswith("w") and bits[1][:-1].isdigit():
            candidates.append((int(bits[1][:-1]), bits[0]))
    fitting = [c for c in candidates if c[0] <= PREFERRED_WIDTH] or candidates
    return max(fitting)[1] if fitting else ""


def _data_uri(url, budget):
    """A data: URI of a picture in the unit's own media storage, or None."""
    path = urlsplit(url).path
    if urlsplit(url).netloc or not path.startswith(settings.MEDIA_URL):
        return None
    name = unquote(path[len(settings.MEDIA_URL) :])
    content_type, _encoding = mimetypes.guess_type(name)
    if content_type not in IMAGE_TYPES:
        return None
    try:
        size = default_storage.size(name)
        if size > min(MAX_IMAGE_BYTES, budget[0]):
            return None
        with default_storage.open(name) as file:
            data = file.read()
    except (OSError, SuspiciousFileOperation, ValueError):
        return None
    budget[0] -= len(data)
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"
