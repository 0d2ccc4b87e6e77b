"""Where a device token may travel in the clear: plain http only to this PC or the shop's own
network. Anything else must be https, or a stranger on the way could copy the token and push
operations as this counter (docs/sync-server.md, "HTTPS").

A host name counts as local only when every address it resolves to is loopback or private, so
`http://salon-server:8765` on the shop's LAN works and a public name does not."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

Resolver = Callable[[str], Iterable[str]]
LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain"})
# Spelled out: Python's `is_private` also counts documentation and other reserved ranges.
LOCAL_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "127.0.0.0/8",  # loopback
        "10.0.0.0/8",  # RFC 1918
        "172.16.0.0/12",
        "192.168.0.0/16",
        "169.254.0.0/16",  # link-local
        "::1/128",
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
    )
)


def resolve(host: str) -> list[str]:
    """The addresses a name stands for; none when it does not resolve (offline, unknown)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


def is_local_address(text: str) -> bool:
    """Loopback, private (RFC 1918, fc00::/7) or link-local: not routed on the internet."""
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])  # fe80::1%eth0: drop the zone
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in LOCAL_NETWORKS)


def plain_http_refused(url: str, resolver: Resolver = resolve) -> bool:
    """True when `url` would carry a token in the clear beyond this PC and its LAN."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "http":
        return False  # https (or a scheme requests refuses by itself)
    host = (parts.hostname or "").lower()
    if not host:
        return True
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return False
    if is_local_address(host):
        return False
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        return True  # a public address literal
    except ValueError:
        pass
    addresses = list(resolver(host))
    # A name that does not resolve is not refused here: the request itself fails with
    # "name not found", which is the truer message when the counter is offline.
    return not all(is_local_address(a) for a in addresses)
