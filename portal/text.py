"""Vietnamese text helpers: remove diacritics for slugs and accent-insensitive search."""

import re
import unicodedata

from django.utils.text import slugify

# đ/Đ are letters of their own, not a d with a combining mark, so NFD leaves them.
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
_SPACES = re.compile(r"\s+")


def unaccent(text):
    """'Đảng ủy' -> 'Dang uy'; NFC and NFD input give the same result."""
    decomposed = unicodedata.normalize("NFD", text or "").translate(_D_TABLE)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def slugify_vi(text):
    """'ĐẢNG ỦY XÃ VĨNH TẾ' -> 'dang-uy-xa-vinh-te'."""
    return slugify(unaccent(text))


def search_normalize(text):
    """Lower-case, unaccented, single-spaced text for the search column."""
    return _SPACES.sub(" ", unaccent(text).lower()).strip()


# Tags that separate words: "<p>a</p><p>b</p>" reads "a b", not "ab".
_BLOCK_TAGS = re.compile(
    r"<\s*/?\s*(?:p|div|br|hr|li|ul|ol|h[1-6]|blockquote|figure|figcaption|"
    r"table|thead|tbody|tfoot|tr|td|th|caption)\b[^>]*>",
    re.IGNORECASE,
)


def plain_text(html):
    """The words of an HTML fragment, entities decoded, single-spaced."""
    from html import unescape

    from django.utils.html import strip_tags

    text = strip_tags(_BLOCK_TAGS.sub(" ", html or ""))
    return _SPACES.sub(" ", unescape(text)).strip()
