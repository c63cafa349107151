"""A readable comparison of two revisions: their text, tags stripped, word by word."""

import html
import re
from difflib import SequenceMatcher

from django.utils.html import strip_tags

# Where a block of HTML ends, a line of text ends.
_BLOCK_END = re.compile(
    r"</(?:p|div|h[1-6]|li|blockquote|figcaption|tr|pre)>|<br\s*/?>", re.IGNORECASE
)
# Words, runs of spaces and line breaks: spaces are kept, so the text reads as typed.
_TOKENS = re.compile(r"\n|[^\S\n]+|\S+")


def plain_text(value):
    """The text a reader sees in `value` (HTML or not), one line per block."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", str(value or ""))))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def word_diff(old, new):
    """[(op, text)] with op "equal", "delete" or "insert", from old to new text."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(
        None, a, b, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            segments.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("insert", "".join(b[j1:j2])))
    return segments


def compare(model, old_content, new_content, text_fields):
    """What changed between two revisions' content of `model`.

    Answers (fields, others): for each of `text_fields` its label, whether it
    changed and the word diff of its text; `others` names the other revision
    fields whose value changed (a category, a date, a cover image).
    """
    fields = []
    for name in text_fields:
        field = model._meta.get_field(name)
        old = plain_text(old_content.get(field.attname, ""))
        new = plain_text(new_content.get(field.attname, ""))
        fields.append(
            {
                "label": field.verbose_name,
                "changed": old != new,
                "segments": word_diff(old, new),
            }
        )
    others = []
    for name in model.revision_field_names():
        field = model._meta.get_field(name)
        if name in text_fields:
            continue
        if old_content.get(field.attname) != new_content.get(field.attname):
            others.append(field.verbose_name)
    return fields, others
