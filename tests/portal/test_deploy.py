"""The production settings, as the README documents them, pass Django's deploy check."""

import os
import subprocess
import sys

from tests.live import ROOT

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings",
    "DEBUG": "0",
    "SECRET_KEY": "x7#Qv9!mZ2@pL4$wR8^tY1&kN6*bH3(jD5)fG0-sA_cE+uI=oP",
    "ALLOWED_HOSTS": "tanlap.example.vn",
    "DATABASE_URL": "postgres://portal@db.example.vn/portal",
}


def manage(*args, **env):
    # A clean environment: only what a production server would be given.
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_deploy_is_clean_in_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    settings = {**PRODUCTION, "SECRET_KEY": ""}
    result = manage("check", **settings)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_is_off_unless_asked_for():
    settings = {k: v for k, v in PRODUCTION.items() if k != "DEBUG"}
    result = manage(
        "shell",
        "-v0",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.SECURE_SSL_REDIRECT)",
        **settings,
    )
    assert result.stdout.split() == ["False", "True"], result.stderr
