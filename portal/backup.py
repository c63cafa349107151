"""Backup and restore of one installation (Law 148/2025 Art. 8 §4).

An archive is one tar file, `portal-YYYYmmdd-HHMMSS.tar`, holding:

- `database.dump`: pg_dump of the database in custom format (compressed);
- `media/…`: every uploaded file;
- `manifest.json`: when, which server, and the SHA-256 of every member.

pg_dump and pg_restore are taken to match the server: the newest of the
project-local pgserver's binaries, the machine's /usr/lib/postgresql/*/bin and
PATH whose major version is at least the server's (an older pg_dump refuses a
newer server). Restoring checks every checksum first, and refuses a database
that already has tables.
"""

import hashlib
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

ARCHIVE_PREFIX = "portal-"
ARCHIVE_RE = re.compile(r"^portal-\d{8}-\d{6}\.tar$")
DUMP_NAME = "database.dump"


class BackupError(Exception):
    pass


def _major(binary):
    out = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    found = re.search(r"\(PostgreSQL\)\s+(\d+)", out)
    return int(found.group(1)) if found else 0


def candidate_binaries(name):
    found = []
    # Located without importing it (its import sets up directories of its own).
    spec = importlib.util.find_spec("pgserver")
    if spec is not None and spec.origin:
        found.append(Path(spec.origin).parent / "pginstall" / "bin" / name)
    found += sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    on_path = shutil.which(name)
    if on_path:
        found.append(Path(on_path))
    return [path for path in found if path.exists()]


def server_major():
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def pg_binary(name, major):
    """The binary named `name` with the smallest major version ≥ the server's."""
    usable = [
        (m, path) for path in candidate_binaries(name) if (m := _major(path)) >= major
    ]
    if not usable:
        raise BackupError(f"No {name} of PostgreSQL {major} or newer was found.")
    return str(min(usable)[1])


def libpq_env(db=None):
    """PG* variables for the client tools, from Django's database settings."""
    db = db or connection.settings_dict
    env = {**os.environ}
    host = db.get("HOST") or db.get("OPTIONS", {}).get("host", "")
    values = {
        "PGHOST": host,
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": db.get("USER") or "",
        "PGPASSWORD": db.get("PASSWORD") or "",
        "PGDATABASE": db["NAME"],
    }
    env.update({key: value for key, value in values.items() if value})
    return env


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup_dir():
    return Path(os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "var" / "backups")


def create_backup(directory=None, keep=None, now=None):
    """Write one archive; prune to the `keep` newest; return the archive's path."""
    directory = Path(directory or backup_dir())
    directory.mkdir(parents=True, exist_ok=True)
    now = timezone.localtime(now or timezone.now())
    target = directory / f"{ARCHIVE_PREFIX}{now:%Y%m%d-%H%M%S}.tar"
    major = server_major()
    pg_dump = pg_binary("pg_dump", major)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=directory) as work:
        dump = Path(work) / DUMP_NAME
        subprocess.run(
            [
                pg_dump,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={dump}",
            ],
            env=libpq_env(),
            check=True,
            capture_output=True,
        )
        files = {DUMP_NAME: sha256(dump)}
        media = (
            sorted(p for p in media_root.rglob("*") if p.is_file())
            if media_root.exists()
            else []
        )
        for path in media:
            files["media/" + path.relative_to(media_root).as_posix()] = sha256(path)
        manifest = {
            "created_at": now.isoformat(),
            "database": connection.settings_dict["NAME"],
            "server_major": major,
            "pg_dump": pg_dump,
            "files": files,
        }
        partial = target.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            info.mtime = int(now.timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, DUMP_NAME)
            for path in media:
                archive.add(path, "media/" + path.relative_to(media_root).as_posix())
        partial.rename(target)  # a crash never leaves a half archive under the name
    prune(
        directory, keep if keep is not None else int(os.environ.get("BACKUP_KEEP", 14))
    )
    return target


def prune(directory, keep):
    """Delete all but the `keep` newest archives (by the date in their name)."""
    archives = sorted(p for p in Path(directory).iterdir() if ARCHIVE_RE.match(p.name))
    removed = archives[: max(0, len(archives) - keep)]
    for path in removed:
        path.unlink()
    return removed


def database_is_empty():
    return not connection.introspection.table_names()


def ensure_database():
    """Create the database named by DATABASE_URL when it does not exist yet."""
    import psycopg
    from psycopg import sql

    db = connection.settings_dict
    try:
        connection.ensure_connection()
        return False
    except Exception:
        connection.close()
    env = libpq_env()
    params = {
        "host": env.get("PGHOST"),
        "port": env.get("PGPORT"),
        "user": env.get("PGUSER"),
        "password": env.get("PGPASSWORD"),
        "dbname": "postgres",
    }
    maintenance = psycopg.connect(**{k: v for k, v in params.items() if v})
    maintenance.autocommit = True
    with maintenance.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
    maintenance.close()
    return True


def _safe_members(archive):
    for member in archive.getmembers():
        name = Path(member.name)
        if (
            name.is_absolute()
            or ".." in name.parts
            or not (member.isfile() or member.isdir())
        ):
            raise BackupError(f"Refusing archive member {member.name!r}.")
        yield member


def restore_backup(path):
    """Restore an archive into the (empty) database and MEDIA_ROOT; a summary dict."""
    path = Path(path)
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(path) as archive:
            archive.extractall(work, members=list(_safe_members(archive)))  # noqa: S202
        work = Path(work)
        manifest = json.loads((work / "manifest.json").read_text())
        for name, digest in manifest["files"].items():
            member = work / name
            if not member.is_file() or sha256(member) != digest:
                raise BackupError(
                    f"Checksum mismatch for {name}: the archive is damaged."
                )
        ensure_database()
        if not database_is_empty():
            raise BackupError(
                f"The database {connection.settings_dict['NAME']!r} is not empty; "
                "restore only into an empty database."
            )
        pg_restore = pg_binary("pg_restore", server_major())
        connection.close()
        subprocess.run(
            [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error",
             "--single-transaction", f"--dbname={connection.settings_dict['NAME']}",
             str(work / DUMP_NAME)],
            env=libpq_env(),
            check=True,
            capture_output=True,
        )  # fmt: skip
        media_root = Path(settings.MEDIA_ROOT)
        restored = 0
        if (work / "media").exists():
            for source in (work / "media").rglob("*"):
                if source.is_file():
                    target = media_root / source.relative_to(work / "media")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, target)
                    restored += 1
    return {"created_at": manifest["created_at"], "media_files": restored}


def archive_date(path):
    stamp = Path(path).name.removeprefix(ARCHIVE_PREFIX).removesuffix(".tar")
    return datetime.strptime(stamp, "%Y%m%d-%H%M%S")
