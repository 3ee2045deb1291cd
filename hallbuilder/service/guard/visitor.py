"""Who is asking: the client address behind trusted proxies, a salted daily hash, bots and prefetches.

The raw address is only ever held in memory for the request; what is stored is
HMAC-SHA256(daily salt, address + user agent), and the salt is deleted after 48 hours.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from collections.abc import Mapping

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


def visitor_hash(salt: str, ip: str, user_agent: str) -> str:
    message = f"{ip}\n{user_agent}".encode()
    return hmac.new(salt.encode(), message, hashlib.sha256).hexdigest()[:32]


def is_bot(user_agent: str) -> bool:
    lowered = user_agent.lower()
    return not lowered.strip() or any(marker in lowered for marker in BOT_MARKERS)


def is_prefetch(headers: Mapping[str, str]) -> bool:
    return any(value in (headers.get(name) or "").lower() for name, value in PREFETCH_HEADERS)
