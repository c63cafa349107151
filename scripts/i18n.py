"""Add Vietnamese translations to locale/vi and compile it.

    python scripts/i18n.py            # every locale/vi/sources/*.json
    python scripts/i18n.py more.json  # and these too

Each JSON maps English msgids to Vietnamese (a list of two strings for a plural).
It re-extracts the messages from the sources first, so new strings appear, and
holds a lock so several people (or helpers) can run it at once. Needs gettext.
"""

import fcntl
import json
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def manage(*args):
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, check=True
    )


def main(paths):
    translations = {}
    for path in [*sorted((ROOT / "locale" / "vi" / "sources").glob("*.json")), *paths]:
        translations.update(json.loads(Path(path).read_text(encoding="utf-8")))
    (ROOT / "var").mkdir(exist_ok=True)
    with open(ROOT / "var" / "locale.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manage(
            "makemessages",
            "-l",
            "vi",
            "--no-obsolete",
            "--no-location",
            "-i",
            ".venv/*",
            "-i",
            "var/*",
            "-i",
            "bench/*",
            "-i",
            "tests/*",
        )
        po = polib.pofile(str(PO), wrapwidth=0)
        po.metadata["Language"] = "vi"
        po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        missing = []
        for entry in po:
            if entry.msgid in translations:
                value = translations[entry.msgid]
                if entry.msgid_plural:
                    entry.msgstr_plural = {
                        0: value[0] if isinstance(value, list) else value
                    }
                else:
                    entry.msgstr = value
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            if (
                not (entry.msgstr or entry.msgstr_plural.get(0))
                or "fuzzy" in entry.flags
            ):
                missing.append(entry.msgid)
        po.save()
        manage("compilemessages", "-l", "vi", "-i", ".venv", "-i", "var")
    for msgid in missing:
        print(f"untranslated: {msgid!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
