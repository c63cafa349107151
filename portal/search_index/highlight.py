"""Marking the searched words in results, accent-insensitively and safely.

The text is folded one character at a time ('Đảng' -> 'dang'), so a match
found in the folded text is at the same place in the original. Every piece of
text is escaped before the <mark> tags are put around the matches: whatever a
citizen or an editor typed is never taken as HTML.
"""

import re
from html import escape

from django.utils.safestring import mark_safe

from portal.text import unaccent

EXCERPT_LENGTH = 240
_WORD = re.compile(r"\w+")


def query_words(query):
    """The folded words of a query: 'Đảng ủy!' -> ['dang', 'uy']."""
    return _WORD.findall(fold(query))


class _FoldTable(dict):
    """str.translate's table, filled one character the first time it is seen."""

    def __missing__(self, code):
        char = chr(code)
        plain = unaccent(char).lower()
        self[code] = plain if len(plain) == 1 else char
        return self[code]


_FOLD = _FoldTable()


def fold(text):
    """Lower-case and unaccented, with exactly one character per character."""
    return text.translate(_FOLD)


def _pattern(words):
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len)[::-1])
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def highlight(text, words):
    """`text` escaped, with each of `words` marked."""
    return _marked(text, _matches(text, words))


def excerpt(text, words, length=EXCERPT_LENGTH):
    """A passage of `text` around the first match (or its start), escaped and marked."""
    matches = _matches(text, words)
    if len(text) <= length:
        return _marked(text, matches)
    first = matches[0][0] if matches else 0
    start = 0 if first < length // 3 else _word_start(text, first - length // 3)
    end = _word_end(text, min(len(text), start + length))
    inside = [(a - start, b - start) for a, b in matches if a >= start and b <= end]
    marked = _marked(text[start:end], inside)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    # Safe: _marked escaped the text; only our <mark> tags are HTML.
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308


def _matches(text, words):
    pattern = _pattern(words)
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(fold(text))]


def _marked(text, matches):
    parts, at = [], 0
    for start, end in matches:
        parts.append(escape(text[at:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    parts.append(escape(text[at:]))
    # Safe: every piece of the text is escaped; the only tags are our <mark>.
    return mark_safe("".join(parts))  # noqa: S308


def _word_start(text, at):
    space = text.rfind(" ", 0, at)
    return space + 1 if space >= 0 else at


def _word_end(text, at):
    if at >= len(text):
        return len(text)
    space = text.find(" ", at)
    return space if 0 <= space - at < 30 else at
