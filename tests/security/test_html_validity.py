"""Every kind of public page is valid HTML for the Nu HTML checker (npm vnu-jar).

`make test` installs vnu-jar under var/tools/ when Java and npm are there; without
them the test is skipped with a message.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import make_article, make_category, make_comment, make_unit
from tests.live import ROOT

VNU_JAR = (
    ROOT / "var" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not VNU_JAR.exists() or not shutil.which("java"),
        reason="vnu-jar or Java missing (make test installs vnu-jar with npm)",
    ),
]


@pytest.fixture
def pages(site):
    make_unit()
    parent = make_category(name="Tin tức - Sự kiện")
    child = make_category(name="Tin trong xã", parent=parent)
    article = make_article(category=child, lead="")
    make_comment(article, reply="Cảm ơn ông đã góp ý.")
    make_article(category=parent, title="Hội nghị tổng kết", featured=True)
    return {
        "home": "/",
        "category": parent.get_absolute_url(),
        "article": article.get_absolute_url(),
        "search": "/tim-kiem/?q=hoi+nghi",
        "search-empty": "/tim-kiem/",
        "privacy": "/bao-ve-du-lieu-ca-nhan/",
        "not-found": "/khong-co-trang-nay/",
        "bad-request": "/tim-kiem/?q=%00",
    }


def test_public_pages_have_no_html_errors(client, pages, tmp_path):
    """0 errors from the Nu HTML checker on each page."""
    files = []
    for name, url in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(client.get(url).content)
        files.append(path)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        (Path(m.get("url", "")).stem, m.get("message"), m.get("extract", "")[:80])
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
