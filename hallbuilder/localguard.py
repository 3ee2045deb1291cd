"""Refuse requests that a page on another site makes through the visitor's browser (DNS rebinding, CSRF).

A local tool (the studio, edit mode of `hallbuilder serve`) answers at 127.0.0.1; a page on evil.example can
point its own name at 127.0.0.1 and then talk to it "same-origin". The browser still sends that name in the
Host header, and a cross-site fetch carries an Origin or `Sec-Fetch-Site: cross-site`. So: the Host must be
an IP address or localhost at the server's own port, and an Origin, when sent, must be that same host.

Neutral ground: imports nothing of hallbuilder, so the studio and the service can both use it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from urllib.parse import urlsplit

LOCAL_NAMES = frozenset({"localhost"})


def split_host(host: str) -> tuple[str, int | None] | None:
    """'127.0.0.1:8700' → ('127.0.0.1', 8700); '[::1]:80' → ('::1', 80); None when it is not a host."""
    try:
        parts = urlsplit(f"//{host}")
        return (parts.hostname or "", parts.port)
    except ValueError:
        return None


def is_address_or_local(name: str) -> bool:
    """An IP address (what a browser shows for the LAN or this computer) or localhost: never a DNS name."""
    if name.lower() in LOCAL_NAMES:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_refusal(host: str, port: int) -> str | None:
    """Why the Host header `host` is not this server at `port` (None: it is)."""
    parsed = split_host(host)
    if not parsed or not parsed[0]:
        return "no Host header"
    name, given_port = parsed
    if not is_address_or_local(name):
        return f"Host '{host}' is a name this server does not answer to (DNS rebinding?)"
    if (given_port or 80) != port:
        return f"Host '{host}' is not port {port}"
    return None


def origin_refusal(headers: Mapping[str, str], host: str) -> str | None:
    """Why the request comes from another site's page (None: same origin or no browser page at all)."""
    origin = headers.get("Origin")
    if origin is not None:
        parts = urlsplit(origin) if origin != "null" else None
        if parts is None or parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
            return f"Origin '{origin}' is another site"
    if headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
        return "the request comes from another site (Sec-Fetch-Site: cross-site)"
    return None


def refusal(headers: Mapping[str, str], port: int) -> str | None:
    """Why a request with these headers must be refused by a local server listening at `port`."""
    host = headers.get("Host", "")
    return host_refusal(host, port) or origin_refusal(headers, host)


def flask_refusal() -> str | None:
    """`refusal` for the current Flask request, at the port the server listens on."""
    from flask import request

    return refusal(request.headers, int(request.environ.get("SERVER_PORT") or 80))
