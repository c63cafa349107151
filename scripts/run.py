"""`make run`: serve the portal the way production does, on this machine.

gunicorn with several workers, DEBUG off, static files through WhiteNoise, page
views counted from the app's own log by a reader beside it (gunicorn_run.py). Only
what a machine without TLS needs is relaxed: plain HTTP on the loopback address
(no HTTPS redirect, no secure-only cookies, no HSTS), Django serving the media.
The secret key is made on the first run and kept in var/secret_key (never
committed). Every other setting can still be given in the environment.

    python scripts/run.py            # what `make run` calls, DATABASE_URL set
    PORT=8080 WORKERS=4 python scripts/run.py
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"


def secret_key():
    path = VAR / "secret_key"
    if not path.exists():
        VAR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def environment():
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    env["DEBUG"] = "0"
    env.setdefault("SECRET_KEY", secret_key())
    for name in (
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
    ):
        env.setdefault(name, "0")
    env.setdefault("SERVE_MEDIA", "1")
    # The workflow's e-mails are printed here, not sent, unless SMTP is configured.
    env.setdefault("EMAIL_BACKEND", "console")
    env.setdefault("STATIC_ROOT", str(VAR / "staticfiles"))
    # Each view is a line appended to the app's log, counted every few seconds
    # by the reader gunicorn starts beside its workers (scripts/gunicorn_run.py).
    env.setdefault("STATS_COUNTED_BY", "app_log")
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def main():
    env = environment()
    host = env.get("HOST", "127.0.0.1")
    port = env.get("PORT", "8000")
    workers = env.get("WORKERS", "3")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "load_demo", "--if-empty")
    manage(env, "ensure_admin")
    print(
        f"\nThe portal is served at http://{host}:{port}/ "
        f"(admin: http://{host}:{port}/admin/), by gunicorn with {workers} "
        "workers, DEBUG off.\nPress Ctrl-C to stop.\n",
        flush=True,
    )
    # exec: gunicorn takes this process, so Ctrl-C reaches it and stops it cleanly.
    os.chdir(ROOT)
    os.execve(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--config",
            str(ROOT / "scripts" / "gunicorn_run.py"),
            "--bind",
            f"{host}:{port}",
            "--workers",
            workers,
            "--access-logfile",
            "-",
            "--graceful-timeout",
            "5",
            # No control socket: it defaults to one path shared by every gunicorn.
            "--no-control-socket",
        ],
        env,
    )


if __name__ == "__main__":
    main()
