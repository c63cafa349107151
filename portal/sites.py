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
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Lower
from django.http.request import split_domain_port


def named_hosts():
    """The host names ALLOWED_HOSTS lists one by one (not `.example.vn`, not `*`)."""
    return {
        host.lower()
        for host in settings.ALLOWED_HOSTS
        if host != "*" and not host.startswith(".")
    }


def site_for_host(host):
    """The unit whose domain is `host` (port first, then without); else the
    default unit, for a host ALLOWED_HOSTS names; else None."""
    host = host.lower()
    domain, _port = split_domain_port(host)
    by_host = (
        Site.objects.alias(host=Lower("domain"))
        .filter(host__in={host, domain})
        .annotate(
            rank=Case(When(host=host, then=0), default=1, output_field=IntegerField())
        )
    )
    if domain in named_hosts():
        default = Site.objects.filter(unit_profile__is_default=True).annotate(
            rank=Value(2, output_field=IntegerField())
        )
        by_host = by_host.union(default, all=True)
    return by_host.order_by("rank", "id").first()
