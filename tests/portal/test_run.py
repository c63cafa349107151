"""`make run` serves the way production does: gunicorn, DEBUG off, exact counting."""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

from articles.models import Article
from tests import live
from tests.factories import FIREFOX

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def served(tmp_path):
    """scripts/run.py on the test database; yields (base URL, its output so far)."""
    port = live.free_port()
    env = {
        **os.environ,
        "DATABASE_URL": live.test_database_url(),
        "PORT": str(port),
        "WORKERS": "3",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        # The app's log of page views, which the reader beside gunicorn counts.
        "STATS_LOG_PATH": str(tmp_path / "views.log"),
        "STATS_READ_EVERY": "0.5",
    }
    for name in ("DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY"):
        env.pop(name, None)  # what `make run` is given: nothing but the database
    process = subprocess.Popen(
        [sys.executable, "scripts/run.py"],
        cwd=live.ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=2)
            break
        except OSError:
            assert process.poll() is None, "".join(lines)
            time.sleep(0.3)
    try:
        yield base, lines, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=20)


def fetch(url, opener=None):
    try:
        with (opener or urllib.request.build_opener()).open(
            urllib.request.Request(url, headers={"User-Agent": FIREFOX}), timeout=20
        ) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_make_run_serves_like_production(served):
    base, lines, process = served
    output = "".join(lines)
    assert "http://127.0.0.1:" in output and "/admin/" in output
    assert re.search(r"superuser 'admin' with password '\S+'", output)
    assert "Ctrl-C" in output

    # DEBUG is off: a missing page is the Vietnamese 404, not Django's debug page.
    status, html = fetch(base + "/khong-ton-tai/")
    assert status == 404
    assert "Không tìm thấy trang" in html and "URLconf" not in html
    # Static files through WhiteNoise (hashed names, collected on start).
    status, html = fetch(base + "/")
    css = re.search(r'href="(/static/css/portal\.[0-9a-f]+\.css)"', html)
    assert status == 200 and css
    assert fetch(base + css.group(1))[0] == 200

    # 20 browsers × 10 views of one article: every answer 200, every view counted.
    article = Article.objects.published().order_by("id").first()
    url = base + article.get_absolute_url()
    before = Article.objects.get(pk=article.pk).view_count
    statuses = []

    def browser():
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        statuses.extend(fetch(url, opener)[0] for _ in range(10))

    threads = [threading.Thread(target=browser) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 200
    # Counted from the app's log by the reader gunicorn started, within seconds.
    assert counted_soon(article, before + 200)

    # PostgreSQL drops every connection (a restart): the next views still load.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    assert [fetch(url)[0] for _ in range(6)] == [200] * 6

    # Ctrl-C stops it cleanly, and what was logged last is counted on the way out.
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    assert Article.objects.get(pk=article.pk).view_count == before + 206
    # …and the reader it started is gone with it.
    reader = f"stats_read_access_log --follow .*--with-parent {process.pid} "
    assert subprocess.run(["pgrep", "-f", reader]).returncode == 1


def counted_soon(article, expected, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if Article.objects.get(pk=article.pk).view_count == expected:
            return True
        time.sleep(0.2)
    return False
