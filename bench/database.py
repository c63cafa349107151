"""Print DATABASE_URL with its database replaced by NAME, creating it if missing.

python bench/database.py URL NAME [--fresh]   (--fresh: drop and re-create it)
"""

import sys

import dj_database_url
import psycopg
from psycopg import sql

url, name = sys.argv[1], sys.argv[2]
config = dj_database_url.parse(url)
params = {
    "dbname": config["NAME"] or "postgres",
    "user": config["USER"],
    "password": config["PASSWORD"],
    "host": config["HOST"] or config.get("OPTIONS", {}).get("host"),
    "port": config["PORT"] or None,
}
connection = psycopg.connect(**{k: v for k, v in params.items() if v})
connection.autocommit = True
with connection.cursor() as cursor:
    if "--fresh" in sys.argv[3:]:
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    if cursor.fetchone() is None:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
connection.close()

base, _, query = url.partition("?")
print(f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else ""))
