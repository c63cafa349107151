"""Fetching from old portals without becoming a way into the server's network.

Only http and https; the host name is resolved once and every address it has
must be public (no loopback, private, link-local, multicast or reserved
address) unless the caller allows private ones (tests with a local server);
the connection goes to that checked address (no second lookup a DNS trick
could change); redirects are followed by hand, each checked again, at most
three; the body is read up to a limit, within a timeout.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

from django.utils.translation import gettext as _

TIMEOUT = 10  # seconds, per connection and per read
DEADLINE = 60  # seconds for a whole download, however slowly it trickles
CHUNK = 64 * 1024
MAX_REDIRECTS = 3
USER_AGENT = "PortalImporter/1.0"


class FetchError(Exception):
    pass


def _checked_address(host, port, allow_private):
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            _("The host %(host)s was not found.") % {"host": host}
        ) from error
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not allow_private and not ip.is_global:
            raise FetchError(
                _("%(host)s is a private or local address; it is not fetched.")
                % {"host": host}
            )
    return addresses[0]


class _Pinned(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _read(response, max_bytes):
    deadline = time.monotonic() + DEADLINE
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_("The file is too big."))
        if time.monotonic() > deadline:
            raise FetchError(_("The download took too long."))
    return b"".join(chunks)


def fetch(url, *, max_bytes, allow_private=False):
    """(body bytes, content type, final URL) of `url`; FetchError with the reason."""
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(_("Only http and https addresses are fetched."))
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _checked_address(parts.hostname, port, allow_private)
        kind = _PinnedTLS if parts.scheme == "https" else _Pinned
        connection = kind(parts.hostname, port, address, TIMEOUT)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        try:
            connection.request("GET", target, headers={"User-Agent": USER_AGENT})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError(_("A redirect without an address."))
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(
                    _("The server answered %(status)s.") % {"status": response.status}
                )
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(_("The file is too big."))
            return (
                _read(response, max_bytes),
                response.getheader("Content-Type", ""),
                url,
            )
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(
                _("The address could not be read: %(error)s") % {"error": error}
            ) from error
        finally:
            connection.close()
    raise FetchError(_("Too many redirects."))
