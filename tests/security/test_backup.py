"""Issue 9, Law 148/2025 Art. 8 §4: a backup of the demo restores into a new database."""

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from articles.models import Article
from portal import backup
from stats.models import DailySiteStats
from tests import live
from tests.factories import make_comment
from tests.live import ROOT

pytestmark = pytest.mark.django_db(transaction=True)


def restore_database_name():
    return f"{connection.settings_dict['NAME']}_restored"


def admin_connection():
    db = connection.settings_dict
    params = {
        # The project-local server is reached by its socket, given in OPTIONS.
        "host": db["HOST"] or db["OPTIONS"].get("host") or None,
        "port": db["PORT"] or None,
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
        "dbname": "postgres",
    }
    conn = psycopg.connect(**{k: v for k, v in params.items() if v})
    conn.autocommit = True
    return conn


@pytest.fixture
def restore_target():
    """The name of a database that does not exist yet; dropped afterwards."""
    name = restore_database_name()
    conn = admin_connection()
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    yield name
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.close()


def run_restore(archive, database, media_root):
    url = live.test_database_url().rsplit("/", 1)[0] + f"/{database}"
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "SECRET_KEY": "restore-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "DEBUG": "0",
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(media_root),
        },
        capture_output=True,
        text=True,
    )


def counts(database):
    db = connection.settings_dict
    params = {
        # The project-local server is reached by its socket, given in OPTIONS.
        "host": db["HOST"] or db["OPTIONS"].get("host") or None,
        "port": db["PORT"] or None,
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
        "dbname": database,
    }
    conn = psycopg.connect(**{k: v for k, v in params.items() if v})
    with conn.cursor() as cursor:
        result = {}
        for table in (
            "articles_article",
            "comments_comment",
            "stats_dailysitestats",
        ):
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
            result[table] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT string_agg(title, '|' ORDER BY id) FROM articles_article"
        )
        result["titles"] = cursor.fetchone()[0]
        cursor.execute("SELECT coalesce(sum(page_views), 0) FROM stats_dailysitestats")
        result["views"] = cursor.fetchone()[0]
    conn.close()
    return result


def test_the_demo_backed_up_restores_into_a_new_database(tmp_path, restore_target):
    """Same articles, comments, counters and files in the restored copy."""
    call_command("load_demo")
    article = Article.objects.first()
    make_comment(article, content="Bình luận cần được sao lưu.")
    DailySiteStats.objects.create(
        site_id=article.site_id, date="2026-11-24", page_views=42, visits=7
    )
    archive = backup.create_backup(directory=tmp_path / "backups")
    assert archive.name.startswith("portal-") and archive.suffix == ".tar"
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and "database.dump" in names
    media_files = sorted(
        p.relative_to(settings.MEDIA_ROOT)
        for p in Path(settings.MEDIA_ROOT).rglob("*")
        if p.is_file()
    )
    assert media_files and all(f"media/{p.as_posix()}" in names for p in media_files)

    restored_media = tmp_path / "restored-media"
    result = run_restore(archive, restore_target, restored_media)
    assert result.returncode == 0, result.stderr
    original = counts(connection.settings_dict["NAME"])
    assert counts(restore_target) == original
    assert original["comments_comment"] >= 1 and original["views"] >= 42
    for path in media_files:
        assert (restored_media / path).read_bytes() == (
            Path(settings.MEDIA_ROOT) / path
        ).read_bytes()


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, restore_target):
    call_command("load_demo")
    archive = backup.create_backup(directory=tmp_path)
    assert run_restore(archive, restore_target, tmp_path / "m1").returncode == 0
    again = run_restore(archive, restore_target, tmp_path / "m2")
    assert again.returncode != 0
    assert "not empty" in again.stderr


def test_a_damaged_archive_is_refused(tmp_path, restore_target):
    archive = backup.create_backup(directory=tmp_path)
    data = bytearray(archive.read_bytes())
    index = data.find(b"PGDMP") + 200  # inside the dump
    data[index] ^= 0xFF
    archive.write_bytes(bytes(data))
    result = run_restore(archive, restore_target, tmp_path / "m")
    assert result.returncode != 0 and "Checksum mismatch" in result.stderr


def test_old_archives_are_pruned_to_the_newest(tmp_path):
    for day in range(1, 6):
        (tmp_path / f"portal-202611{day:02d}-020000.tar").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("kept")
    backup.prune(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.txt",
        "portal-20261104-020000.tar",
        "portal-20261105-020000.tar",
    ]


def test_the_client_tools_match_the_server():
    """pg_dump's major version is at least the server's."""
    major = backup.server_major()
    assert backup._major(backup.pg_binary("pg_dump", major)) >= major
