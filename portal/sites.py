"""Which site (local government unit) a request is for, decided by its host.

Sites are read from the database on each request (one indexed query, no
process-local cache), so an app server never serves a stale mapping after an
administrator adds a unit.
"""

import ipaddress

from django.contrib.sites.models import Site
from django.http.request import split_domain_port

# A host that names no unit falls back to the first unit still in service
# (archived units keep their own host names, see portal/mergers) when it is
# the only one, or when the host is a machine's own name or address
# (127.0.0.1, localhost, testserver): units are named by domain, never so.
_SITE_FOR_HOST_SQL = """
    WITH in_service AS (
        SELECT s.id FROM django_site s
        WHERE NOT EXISTS (SELECT 1 FROM mergers_unitarchive a WHERE a.site_id = s.id)
    )
    SELECT id, domain, name FROM django_site
    WHERE lower(domain) = ANY(%(hosts)s)
       OR (id IN (SELECT id FROM in_service)
           AND (%(local)s OR (SELECT count(*) FROM in_service) = 1))
    ORDER BY lower(domain) = ANY(%(hosts)s) DESC, id
    LIMIT 1
"""


def is_local_host(domain):
    """An IP address or a name without a dot: never a unit's public host name."""
    try:
        ipaddress.ip_address(domain.strip("[]"))
    except ValueError:
        return "." not in domain
    return True


def site_for_host(host):
    """The site whose domain is `host` (with or without port), or the only site.

    An install with one site serves it on any allowed host (127.0.0.1, localhost,
    its real domain); with several, a host that names none of them gets None.
    """
    host = host.lower()
    domain, _port = split_domain_port(host)
    candidates = list({host, domain})
    params = {"hosts": candidates, "local": is_local_host(domain)}
    return next(iter(Site.objects.raw(_SITE_FOR_HOST_SQL, params)), None)
