"""Checks of the publish options that need no network, each failing with the option and the fix."""

from __future__ import annotations

import re

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
    """An http(s) base URL without a fragment; returned with a trailing slash."""
    if not _URL.match(url):
        raise PublishError(
            f"{option} {url}: not a web address: write it like https://cdn.example.com/hall/ (no #, no spaces)."
        )
    if url.endswith("/") or "?" in url or "." in url.rsplit("/", 1)[-1]:
        return url  # a folder already, a query, or a page such as index.html
    return url + "/"


def printable(text: str) -> str:
    """A file name as it may be shown on a terminal: control characters replaced by '?'."""
    return "".join(char if char.isprintable() else "?" for char in text)
