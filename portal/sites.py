"""Which site (local government unit) a request is for, decided by its host.

Sites are read from the database on each request (one indexed query, no
process-local cache), so an app server never serves a stale mapping after an
administrator adds a unit.
"""

from django.contrib.sites.models import Site
from django.http.request import split_domain_port

_SITE_FOR_HOST_SQL = """
    SELECT id, domain, name FROM django_site
    WHERE lower(domain) = ANY(%(hosts)s) OR (SELECT count(*) FROM django_site) = 1
    ORDER BY lower(domain) = ANY(%(hosts)s) DESC, id
    LIMIT 1
"""


def site_for_host(host):
    """The site whose domain is `host` (with or without port), or the only site.

    An install with one site serves it on any allowed host (127.0.0.1, localhost,
    its real domain); with several, a host that names none of them gets None.
    """
    host = host.lower()
    domain, _port = split_domain_port(host)
    candidates = list({host, domain})
    return next(iter(Site.objects.raw(_SITE_FOR_HOST_SQL, {"hosts": candidates})), None)
