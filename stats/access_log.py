"""Counting page views from a log: nginx's (STATS_COUNTED_BY=access_log) or the
app's own (STATS_COUNTED_BY=app_log).

Behind deploy/nginx.conf most anonymous views are answered from nginx's short
cache and never reach the app, so the app cannot count them. Instead:

1. The app marks every page it would count with the header `X-Portal-Count`
   ("<site id> <article id or ->"); nginx keeps the header with the page it
   caches, so the views it answers itself carry it too.
2. nginx logs each view of a marked page, one JSON line (`log_format
   portal_count`): its time, method, status, mark, User-Agent, prefetch header,
   Referer, and who the visitor is: the key of nginx's own visitor cookie
   (the userid module: `$uid_got`, or `$uid_set` for a new one), and the address
   only for a browser without that cookie (for the daily hash).
3. `manage.py stats_read_access_log` reads the lines added since it last read,
   and counts each like the app would: bots and prefetches are left out, the
   same statement (stats/sql.py) adds it to the same rows. The position in the
   file is saved in the same transaction as the counts, so a line is counted
   exactly once even if the reader is stopped at any moment.

Without nginx's cache the app can write the same lines itself (`app_log`, to
STATS_LOG_PATH): a view then costs an append to a file instead of a counting
statement that updates the same three rows as every other view (the day, the
article, the article's day), which 32 readers at once queue on. The app keeps
its own visitor cookie (`vid`) and writes the daily hash itself (`d`): no
address goes to the file.
"""

import json
import logging
import os
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.http.request import split_domain_port
from django.utils import timezone

from stats import counting, services
from stats.models import AccessLogPosition

logger = logging.getLogger(__name__)

HEADER = "X-Portal-Count"
BATCH_LINES = 2000
MAX_REFERER = 1000  # a line stays well under what one write() appends whole


def mark(request):
    """The header's value: what nginx's log line must say to count the view."""
    article_id = counting.shown_article_id(request)
    return f"{request.site.pk} {article_id or '-'}"


def write(request, now):
    """Append a counted view of `request` to STATS_LOG_PATH (app_log); returns
    the fresh visitor key to send as the cookie, if the browser had none."""
    key, new_cookie = counting.visitor_key(request, now)
    own, _port = split_domain_port(request.get_host())
    headers = request.headers
    fields = {
        "t": f"{now.timestamp():.6f}",
        "h": own,
        "m": request.method,
        "s": "200",
        "mark": mark(request),
        "ua": headers.get("User-Agent", ""),
        "r": headers.get("Referer", "")[:MAX_REFERER],
    }
    if new_cookie is None:
        fields["uid"] = f"{counting.COOKIE_NAME}={key}"
    else:
        fields["d"] = key
        fields["new"] = f"{counting.COOKIE_NAME}={new_cookie}"
    _append((json.dumps(fields, ensure_ascii=False) + "\n").encode())
    return new_cookie


_log = {"fd": None, "inode": None}


def _append(line):
    """One write() of a whole line to a file opened with O_APPEND: the lines of
    concurrent workers never interleave. Opened again when logrotate moved it."""
    path = settings.STATS_LOG_PATH
    try:
        inode = os.stat(path).st_ino
    except FileNotFoundError:
        inode = None
    if _log["fd"] is None or inode != _log["inode"]:
        if _log["fd"] is not None:
            os.close(_log["fd"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        _log["fd"] = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        _log["inode"] = os.fstat(_log["fd"]).st_ino
    os.write(_log["fd"], line)


def cookie_key(value):
    """The key of nginx's userid variables ("uid=0A0B…": 32 hex digits)."""
    key = value.partition("=")[2].lower()
    return key if counting.KEY_RE.fullmatch(key) else None


def page_view(fields):
    """(PageView, time) for a logged line that is a person's view, else None."""
    if fields.get("m") != "GET" or fields.get("s") != "200":
        return None
    site, _, article = fields.get("mark", "").partition(" ")
    user_agent = fields.get("ua", "")
    if not site.isdigit() or not counting.is_person(user_agent, fields.get("p", "")):
        return None
    now = datetime.fromtimestamp(float(fields["t"]), tz=UTC)
    visitor = cookie_key(fields.get("uid", ""))
    new_cookie = None
    if visitor is None:
        daily = fields.get("d", "")  # written by the app (app_log)
        if not counting.KEY_RE.fullmatch(daily):
            day = timezone.localdate(now)
            daily = counting.daily_hash(fields.get("a", ""), user_agent, day)
        visitor = daily
        new_cookie = cookie_key(fields.get("new", ""))
    view = counting.PageView(
        site_id=int(site),
        visitor=visitor,
        new_cookie=new_cookie,
        is_mobile=counting.is_mobile(user_agent),
        article_id=int(article) if article.isdigit() else None,
        referrer_host=counting.external_host(fields.get("r", ""), fields.get("h", "")),
    )
    return view, now


def parse(line):
    try:
        fields = json.loads(line)
        return page_view(fields) if isinstance(fields, dict) else None
    except (ValueError, KeyError, OverflowError):
        logger.warning("An access log line that is not nginx's: %r", line[:200])
        return None


def read(path, *, batch=BATCH_LINES):
    """Count the lines added to the log at `path` since the last read; returns
    (lines read, page views counted).

    A rotated log (renamed to `path.1` by logrotate, or by rotate()) is finished
    first, even before the new log appears.
    """
    path = os.fspath(path)
    position, _ = AccessLogPosition.objects.get_or_create(path=path)
    try:
        inode = os.stat(path).st_ino
    except FileNotFoundError:
        inode = None
    totals = [0, 0]
    if position.inode is not None and position.inode != inode:
        rotated = path + ".1"
        if os.path.exists(rotated) and os.stat(rotated).st_ino == position.inode:
            _read_file(rotated, position.pk, batch, totals)
        if inode is None:
            return tuple(totals)  # the position stays on the rotated log until then
        AccessLogPosition.objects.filter(pk=position.pk).update(inode=inode, offset=0)
    elif inode is None:
        return 0, 0
    elif position.inode is None:
        AccessLogPosition.objects.filter(pk=position.pk).update(inode=inode)
    _read_file(path, position.pk, batch, totals)
    return tuple(totals)


def rotate(path, *, over):
    """Move the app's own log aside to `path.1`, as logrotate would, once it is
    over `over` bytes and read to its end; True if it did. The app opens a new
    log at its next line (_append), and read() finishes this one first: lines
    written between the last read and the move are counted too. Never for
    nginx's log, which nginx keeps writing until it is told to reopen it."""
    path = os.fspath(path)
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return False
    position = AccessLogPosition.objects.filter(path=path).first()
    if (
        stat.st_size < over
        or position is None
        or position.inode != stat.st_ino
        or position.offset < stat.st_size
    ):
        return False
    os.replace(path, path + ".1")
    return True


def _read_file(path, position_pk, batch, totals):
    with open(path, "rb") as log:
        while True:
            with transaction.atomic():
                # Locked: two readers of one log never count a line twice.
                position = AccessLogPosition.objects.select_for_update().get(
                    pk=position_pk
                )
                if os.fstat(log.fileno()).st_size < position.offset:
                    position.offset = 0  # truncated (logrotate's copytruncate)
                log.seek(position.offset)
                lines = []
                size = 0
                for line in log:
                    if not line.endswith(b"\n"):
                        break  # nginx is still writing it
                    lines.append(line)
                    size += len(line)
                    if len(lines) >= batch:
                        break
                if not lines:
                    return
                views = [parse(line.decode("utf-8", "replace")) for line in lines]
                views = [view for view in views if view is not None]
                services.record_page_views(views)
                position.offset += size
                position.save(update_fields=["offset"])
            totals[0] += len(lines)
            totals[1] += len(views)
