"""Print a DATABASE_URL, starting a project-local PostgreSQL under var/ if needed.

Used by the Makefile when DATABASE_URL is unset, so that a fresh clone needs no
PostgreSQL installed by hand. The server keeps running between commands (it is
reused next time); `make db-stop` stops it.
"""

import logging
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PGDATA = ROOT / "var" / "pgdata"
DBNAME = "portal"


def main() -> None:
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    import pgserver

    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(PGDATA, cleanup_mode=None)
    if sys.argv[1:] == ["stop"]:
        server.cleanup_mode = "stop"
        server._cleanup()
        return
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DBNAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DBNAME};")
    print(server.get_uri(DBNAME))


if __name__ == "__main__":
    main()
