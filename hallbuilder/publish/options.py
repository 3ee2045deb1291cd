"""Checks of the publish options that need no network, each failing with the option and the fix."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from hallbuilder.errors import PublishError

_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
_URL = re.compile(r"^https?://[^\s/#?]+(/[^\s#]*)?$")


def check_origin(origin: str) -> str:
    """A CORS origin is scheme://host[:port] with no path, or '*'."""
    origin = origin.rstrip("/")
    if origin != "*" and not _ORIGIN.match(origin):
        raise PublishError(
            f"--set-cors {origin}: not an origin: write it like https://hall.example.com "
            "(scheme, host and port only, no path)."
        )
    return origin


def check_public_url(url: str, option: str = "--public-url") -> str:
    """An http(s) base URL without a fragment. A folder gets its trailing slash (before any query), so that
    pages beside the tour resolve inside it; a page such as index.html is kept as it is."""
    if not _URL.match(url):
        raise PublishError(
            f"{option} {url}: not a web address: write it like https://cdn.example.com/hall/ (no #, no spaces)."
        )
    parts = urlsplit(url)
    last = parts.path.rsplit("/", 1)[-1]
    if parts.path.endswith("/") or "." in last:
        return url
    return urlunsplit(parts._replace(path=parts.path + "/"))


def printable(text: str) -> str:
    """A file name as it may be shown on a terminal: control characters replaced by '?'."""
    return "".join(char if char.isprintable() else "?" for char in text)
