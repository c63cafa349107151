"""The shipped deploy/nginx.conf, run by the machine's nginx (skipped without it)."""

import os
import shutil
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.factories import make_article, make_unit
from tests.live import ROOT, free_port, gunicorn

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(
    not Path(NGINX).exists() or not shutil.which("openssl"),
    reason="nginx or openssl not installed (apt-get install nginx)",
)


def fetch(url, host="portal.example.vn", **headers):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    request = urllib.request.Request(url, headers={"Host": host, **headers})
    try:
        with urllib.request.urlopen(request, context=context, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def nginx(tmp_path):
    """nginx with deploy/nginx.conf on free loopback ports; yields (url, media, app)."""
    media, static = tmp_path / "media", tmp_path / "static"
    (media / "originals" / "covers").mkdir(parents=True)
    static.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=localhost",
         "-days", "1", "-keyout", tmp_path / "privkey.pem",
         "-out", tmp_path / "fullchain.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    http_port, https_port, app_port = free_port(), free_port(), free_port()
    site_conf = (
        (ROOT / "deploy" / "nginx.conf")
        .read_text()
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace(
            "    listen 443 ssl http2;", f"    listen 127.0.0.1:{https_port} ssl;", 1
        )
        .replace("/etc/ssl/portal/", f"{tmp_path}/")
        .replace("/srv/portal/media/", f"{media}/")
        .replace("/srv/portal/staticfiles/", f"{static}/")
        .replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
        .replace("/var/cache/nginx/portal", f"{tmp_path}/cache")
        .replace("/var/log/nginx/", f"{tmp_path}/")
    )
    (tmp_path / "portal.conf").write_text(site_conf)
    temp = "".join(
        f"{kind}_temp_path {tmp_path}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"daemon off; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        + ("user root;\n" if os.geteuid() == 0 else "")
        + "events {}\n"
        f"http {{ access_log off; {temp} include {tmp_path}/portal.conf; }}\n"
    )
    command = [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(command)
    deadline = time.monotonic() + 10
    while not (tmp_path / "nginx.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    try:
        yield f"https://127.0.0.1:{https_port}", media, app_port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_nginx_serves_media_with_the_protective_headers(nginx):
    """Images inline, anything else as a download, originals never."""
    url, media, _ = nginx
    (media / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n fake")
    (media / "trang.html").write_bytes(b"<script>alert(1)</script>")
    (media / "originals" / "covers" / "goc.jpg").write_bytes(b"jpeg")
    status, headers, _ = fetch(f"{url}/media/anh.png")
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert headers["Content-Disposition"] is None
    status, headers, _ = fetch(f"{url}/media/trang.html")
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Disposition"] == "attachment"
    assert fetch(f"{url}/media/originals/covers/goc.jpg")[0] == 404


def test_nginx_proxies_pages_to_gunicorn(nginx, transactional_db):
    """The app behind nginx sees HTTPS and the unit's host."""
    url, _, app_port = nginx
    make_unit()
    article = make_article()
    with gunicorn(port=app_port, SECURE_SSL_REDIRECT="1"):
        status, headers, body = fetch(url + article.get_absolute_url(), "localhost")
    assert status == 200
    assert article.title in body.decode()


FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def wait_for_lines(path, count, timeout=10):
    """nginx writes its log buffer at least every second (flush=1s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"{path} did not reach {count} lines")


def test_nginx_keeps_anonymous_pages_and_its_log_counts_every_view(
    nginx, transactional_db, tmp_path
):
    """Behind nginx (STATS_COUNTED_BY=access_log) readers get nginx's copy of the
    page, staff and a reader who voted never do, and every person's view, cached or not, is
    counted once from the log; crawlers' views are not."""
    from articles.models import Article
    from stats import access_log
    from stats.models import DailySiteStats

    url, _, app_port = nginx
    make_unit()
    article = make_article()
    page = url + article.get_absolute_url()
    with gunicorn(
        port=app_port,
        SECURE_SSL_REDIRECT="1",
        STATS_COUNTED_BY="access_log",
        PAGE_CACHE_SECONDS="60",
        PROXY_CACHE_SECONDS="30",
    ):
        first = fetch(page, "localhost", **{"User-Agent": FIREFOX})
        later = [fetch(page, "localhost", **{"User-Agent": FIREFOX}) for _ in range(4)]
        # The visitor cookie nginx gave the first view brings the browser back.
        cookie = first[1]["Set-Cookie"].split(";")[0]
        assert cookie.startswith("khach=")
        returning = [
            fetch(page, "localhost", **{"User-Agent": FIREFOX, "Cookie": cookie})
            for _ in range(3)
        ]
        staff = fetch(
            page, "localhost", **{"User-Agent": FIREFOX, "Cookie": "sessionid=abc"}
        )
        voter = fetch(
            page,
            "localhost",
            **{"User-Agent": FIREFOX, "Cookie": f"{cookie}; binh_chon=x"},
        )
        for _ in range(2):  # crawlers: logged, never counted
            fetch(page, "localhost", **{"User-Agent": "Googlebot/2.1"})
    assert first[0] == 200 and first[1]["X-Cache"] == "MISS"
    assert [headers["X-Cache"] for _, headers, _ in later + returning] == ["HIT"] * 7
    assert "Set-Cookie" not in returning[0][1]  # the browser keeps its key
    assert staff[0] == 200 and staff[1]["X-Cache"] == "BYPASS"
    assert voter[0] == 200 and voter[1]["X-Cache"] == "BYPASS"
    assert article.title in later[-1][2].decode()

    log = tmp_path / "portal-count.log"
    wait_for_lines(log, 12)
    assert b'"a":""' in log.read_bytes().splitlines()[5]  # a known browser: no address
    assert access_log.read(log) == (12, 10)
    assert Article.objects.get(pk=article.pk).view_count == 10
    assert DailySiteStats.objects.get().page_views == 10
    assert access_log.read(log) == (0, 0)  # read once, counted once
