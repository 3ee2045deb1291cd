"""Who is asking: the client address behind trusted proxies, the browser's visitor id, salted daily hashes,
bots and prefetches.

The raw address and the visitor id are only ever held in memory for the request; what is stored is
HMAC-SHA256(daily salt, visitor id), or (address + user agent) for clients without an id, and the salt is
deleted after 48 hours. See guard/identity.py for which of them a request counts as.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
from collections.abc import Mapping

from werkzeug.datastructures import Headers

# Lower-case fragments of crawler, preview and script user agents (a substring test is 6x faster than a regex).
BOT_MARKERS = (
    "bot",
    "crawl",
    "spider",
    "slurp",
    "facebookexternalhit",
    "embedly",
    "preview",
    "curl/",
    "wget/",
    "python",
    "httpclient",
    "java/",
    "go-http",
    "okhttp",
    "scrapy",
    "libwww",
    "axios/",
    "node-fetch",
    "lighthouse",
    "pingdom",
    "uptime",
)
# The viewer's random id: 128 bits as 32 lower-case hex digits (web/src/ui/service.js makes and keeps it).
VISITOR_ID = re.compile(r"[0-9a-f]{32}")
VISITOR_ID_HEADER = "X-Visitor-Id"
PREFETCH_HEADERS = (
    ("Purpose", "prefetch"),
    ("Sec-Purpose", "prefetch"),
    ("X-Moz", "prefetch"),
    ("X-Purpose", "preview"),
)


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def client_ip(remote_addr: str | None, forwarded_for: str | None, trusted: tuple) -> str:
    """The first address, from the right, that is not a trusted proxy; X-Forwarded-For only from proxies."""
    if not trusted or not forwarded_for:
        return remote_addr or "unknown"  # the server's own peer address: nothing to parse
    peer = _address(remote_addr or "")
    if peer is None:
        return remote_addr or "unknown"
    if not any(peer in network for network in trusted):
        return str(peer)
    for hop in reversed(forwarded_for.split(",")):
        address = _address(hop)
        if address is None:
            break  # garbage from the client: stop at the last hop we could read
        peer = address
        if not any(address in network for network in trusted):
            break
    return str(peer)


def untrusted_proxy(remote_addr: str | None, forwarded_for: str | None, trusted: tuple) -> bool:
    """A private or loopback peer forwarding for others while no proxy is trusted: a reverse proxy whose
    X-Forwarded-For is ignored, so every visitor seems to come from one address (the proxy's)."""
    peer = _address(remote_addr or "")
    return bool(forwarded_for) and not trusted and peer is not None and (peer.is_private or peer.is_loopback)


def visitor_id(value: object) -> str | None:
    """The browser's visitor id when it has the viewer's form, else None (the request falls back)."""
    return value if isinstance(value, str) and VISITOR_ID.fullmatch(value) else None


def address_block(ip: str) -> str:
    """What one subscriber holds: an IPv4 address, or an IPv6 /64 (a phone or a home gets a whole /64)."""
    address = _address(ip)
    if address is None:
        return ip
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False))


def keyed_hash(salt: str, material: str) -> str:
    return hmac.new(salt.encode(), material.encode(), hashlib.sha256).hexdigest()[:32]


def browser_material(ip: str, user_agent: str) -> str:
    """Clients without a visitor id (old viewers, scripts) are told apart by address and user agent."""
    return f"{ip}\n{user_agent}"


def id_material(visitor_id: str) -> str:
    return f"id\n{visitor_id}"  # never equal to browser_material: an address has no "id" form


def address_material(ip: str) -> str:
    return f"address\n{address_block(ip)}"


def visitor_hash(salt: str, ip: str, user_agent: str) -> str:
    return keyed_hash(salt, browser_material(ip, user_agent))


def is_bot(user_agent: str) -> bool:
    lowered = user_agent.lower()
    return not lowered.strip() or any(marker in lowered for marker in BOT_MARKERS)


def is_prefetch(headers: Mapping[str, str] | Headers) -> bool:
    return any(value in (headers.get(name) or "").lower() for name, value in PREFETCH_HEADERS)
