"""Each app's settings: defaults in <app>/conf.py, bad values refused by the checks."""

import pytest
from django.core import checks
from django.test import override_settings

from tests.portal.test_deploy import PRODUCTION, manage


def errors(**overrides):
    with override_settings(**overrides):
        return [message for message in checks.run_checks() if message.is_serious()]


def test_the_defaults_pass_every_check():
    assert errors() == []


def test_a_counter_cache_over_sixty_seconds_is_refused_not_capped():
    """The environment's STATS_COUNTER_CACHE_SECONDS=61 stops `manage.py check`."""
    result = manage("check", **PRODUCTION, STATS_COUNTER_CACHE_SECONDS="61")
    assert result.returncode != 0
    assert "STATS_COUNTER_CACHE_SECONDS must be from 0 to 60, not 61." in result.stderr


@pytest.mark.parametrize(
    ("overrides", "check_id"),
    [
        ({"STATS_BACKEND": "memcached"}, "stats.E001"),
        ({"STATS_BACKEND": "redis", "STATS_REDIS_URL": ""}, "stats.E002"),
        ({"STATS_COUNTED_BY": "nginx"}, "stats.E006"),
        ({"PROXY_CACHE_SECONDS": 2, "STATS_COUNTED_BY": "app"}, "stats.E007"),
        ({"PROXY_CACHE_SECONDS": 2, "STATS_COUNTED_BY": "app_log"}, "stats.E007"),
        ({"STATS_VISIT_MINUTES": 0}, "stats.E003"),
        ({"STATS_RETENTION_DAYS": "400"}, "stats.E003"),
        ({"STATS_COUNTER_CACHE_SECONDS": -1}, "stats.E004"),
        ({"STATS_ACTIVITY_KEEP_HOURS": 1, "STATS_VISIT_MINUTES": 90}, "stats.E005"),
        ({"COMMENTS_POST_RATE": "5 per minute"}, "comments.E001"),
        ({"COMMENTS_VOTE_RATE": "30/week"}, "comments.E001"),
        ({"IMAGE_MAX_BYTES": 0}, "portal.E001"),
    ],
)
def test_a_bad_value_is_refused_with_its_name(overrides, check_id):
    """One error with the app's id, naming the setting and the value."""
    found = errors(**overrides)
    assert [error.id for error in found] == [check_id]
    assert next(iter(overrides)) in found[0].msg


def test_a_value_that_is_no_number_stops_the_settings():
    result = manage("check", **PRODUCTION, STATS_VISIT_MINUTES="nửa giờ")
    assert result.returncode != 0
    assert "STATS_VISIT_MINUTES must be a whole number, not 'nửa giờ'." in result.stderr


def test_the_editor_configuration_is_in_the_settings():
    """portal/settings_editor.py's CKEditor 5 configuration reaches the widget."""
    from django.conf import settings

    assert settings.CKEDITOR_5_CONFIGS["default"]["language"] == "vi"
    assert "svg" not in settings.CKEDITOR_5_UPLOAD_FILE_TYPES


def test_a_database_other_than_postgresql_stops_the_settings():
    result = manage("check", **{**PRODUCTION, "DATABASE_URL": "sqlite:///portal.db"})
    assert result.returncode != 0
    assert "The portal runs on PostgreSQL only." in result.stderr


@pytest.mark.parametrize(
    ("value", "threshold"), [(None, "5"), ("", "None"), ("1", "1")]
)
def test_statements_are_prepared_unless_turned_off_for_a_pooler(value, threshold):
    """DB_PREPARE_THRESHOLD: psycopg 3 binds on the server and prepares a
    statement after that many runs; empty turns preparing off (pgbouncer)."""
    env = dict(PRODUCTION)
    if value is not None:
        env["DB_PREPARE_THRESHOLD"] = value
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS'];"
        " print(o['server_side_binding'], o['prepare_threshold'])",
        **env,
    )
    assert result.stdout.split() == ["True", threshold], result.stderr
