"""Which site (local government unit) a request is for, decided by its host.

A host names a unit when it is that unit's Site domain (case-insensitive, with
its port or without). A host that names no unit is answered by the default unit
(UnitProfile.is_default, as Wagtail's is_default_site) only when ALLOWED_HOSTS
lists it by name: the install's own addresses (localhost, 127.0.0.1, its one
public name). A host let in only by a wildcard (`.example.vn`) must be a unit's
domain, else the visitor is told there is no portal at that address: a typo in
a commune's subdomain must not show another commune's portal.

Sites are read from the database on each request (one query on the functional
index of lower(domain), no process-local cache), so an app server never serves
a stale mapping after an administrator adds a unit.
"""

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import connection
from django.http.request import split_domain_port


def named_hosts():
    """The host names ALLOWED_HOSTS lists one by one (not `.example.vn`, not `*`)."""
    return {
        host.lower()
        for host in settings.ALLOWED_HOSTS
        if host != "*" and not host.startswith(".")
    }


# One fixed statement, not built by the ORM on each request (building and
# compiling the union took 4 of the 8 ms a cached page costs). The first part
# uses the index on lower(domain); the second is the default unit, asked for
# only when ALLOWED_HOSTS names the host.
SITE_FOR_HOST = """
    (SELECT id, domain, name, CASE WHEN lower(domain) = %(host)s THEN 0 ELSE 1 END AS rank
       FROM django_site WHERE lower(domain) IN (%(host)s, %(domain)s))
    UNION ALL
    (SELECT site.id, site.domain, site.name, 2
       FROM django_site site JOIN portal_unitprofile unit ON unit.site_id = site.id
      WHERE unit.is_default AND %(named)s)
    ORDER BY rank, id LIMIT 1
"""


SITE_FIELDS = ["id", "domain", "name"]


def site_for_host(host):
    """The unit whose domain is `host` (port first, then without); else the
    default unit, for a host ALLOWED_HOSTS names; else None."""
    host = host.lower()
    domain, _port = split_domain_port(host)
    params = {"host": host, "domain": domain, "named": domain in named_hosts()}
    # A cursor, not Site.objects.raw(): this runs on every request, and the raw
    # queryset's machinery cost more than the statement.
    with connection.cursor() as cursor:
        cursor.execute(SITE_FOR_HOST, params)
        row = cursor.fetchone()
    return Site.from_db(connection.alias, SITE_FIELDS, row[:3]) if row else None
