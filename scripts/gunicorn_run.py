"""gunicorn's settings for `make run` (scripts/run.py): the view counter beside it.

`make run` counts page views from the app's own log (STATS_COUNTED_BY=app_log):
each view is one appended line instead of a statement in the request. The
master starts `stats_read_access_log --follow`, which counts that log every
few seconds, once its workers are up, and stops it when it stops. The reader
runs in a session of its own, so Ctrl-C in the terminal stops gunicorn, and
gunicorn stops the reader; the reader also stops if the master disappears.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ_EVERY = os.environ.get("STATS_READ_EVERY", "2")

_reader = {"process": None}


def when_ready(server):
    if os.environ.get("STATS_COUNTED_BY") != "app_log":
        return
    _reader["process"] = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "stats_read_access_log",
            "--follow",
            "--every",
            READ_EVERY,
            "--with-parent",
            str(os.getpid()),
            # One 64 MB file and the one before it, at most (~400,000 views each).
            "--rotate-over",
            "64",
            "-v",
            "0",
        ],
        cwd=ROOT,
        start_new_session=True,
    )
    server.log.info("Counting page views from the app's log every %s s", READ_EVERY)


def on_exit(server):
    """The workers have stopped: stop the follower, then count what they wrote
    since its last round, so that no view waits for the next start."""
    process = _reader["process"]
    if process is None:
        return
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    subprocess.run(
        [sys.executable, "manage.py", "stats_read_access_log", "-v", "0"],
        cwd=ROOT,
        start_new_session=True,
    )
