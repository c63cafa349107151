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
