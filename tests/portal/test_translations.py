"""The Vietnamese catalogue is complete, and the committed .mo is compiled from it."""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES"


def catalogue():
    return polib.pofile(str(LOCALE / "django.po"))


def test_every_message_has_a_vietnamese_translation():
    """An untranslated or fuzzy entry shows English (or a wrong guess) to users."""
    missing = [
        entry.msgid
        for entry in catalogue()
        if not entry.obsolete
        and ("fuzzy" in entry.flags or not (entry.msgstr or entry.msgstr_plural.get(0)))
    ]
    assert missing == [], "run make messages and translate: " + repr(missing[:10])


def test_the_compiled_catalogue_matches_its_source():
    """`make messages` was run after the last edit of django.po."""
    source = {
        (entry.msgid, entry.msgstr or entry.msgstr_plural.get(0))
        for entry in catalogue()
        if entry.msgid and not entry.obsolete
    }
    compiled = {
        (entry.msgid, entry.msgstr or entry.msgstr_plural.get(0))
        for entry in polib.mofile(str(LOCALE / "django.mo"))
        if entry.msgid
    }
    assert source == compiled


def test_permission_names_are_vietnamese(db):
    """The user admin lists "Được thêm bài viết", not Django's English name."""
    from django.contrib.auth.models import Permission

    names = dict(Permission.objects.values_list("codename", "name"))
    assert names["add_article"] == "Được thêm bài viết"
    assert names["view_comment"] == "Được xem bình luận"
    assert names["publish_article"] == "Được duyệt và xuất bản bài viết"
