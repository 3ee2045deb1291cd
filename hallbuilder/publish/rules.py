"""What each published file is: its Content-Type, its Cache-Control, and whether to store it compressed.

One table, so every target and every test agrees. Content-hashed files never change under their name and are
cached for a year; `index.html` and `tour.json` keep their names across versions and must be revalidated.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import PurePosixPath

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SHORT = "public, max-age=300"

ENTRY_POINTS = ("tour.json", "index.html")  # uploaded last, in this order

CONTENT_TYPES: dict[str, str] = {
    ".json": "application/json",
    ".map": "application/json",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".vtt": "text/vtt; charset=utf-8",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".png": "image/png",
    ".gif": "image/gif",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".wasm": "application/wasm",
}

COMPRESSIBLE = {".json", ".map", ".js", ".mjs", ".css", ".html", ".txt", ".vtt", ".xml", ".svg", ".ico"}
MIN_COMPRESS_SIZE = 1024  # below this the headers cost more than gzip saves
MAX_COMPRESSED_RATIO = 0.9  # store compressed only when it saves at least 10 %

PRECOMPRESSED = {".br", ".gz"}

_HASH = r"[0-9a-f]{8,64}"
_HASHED = (
    re.compile(rf"^scenes/[^/]+/{_HASH}/.+$"),  # scenes/<id>/<hash>/tiles/..., base.jpg ...
    re.compile(rf"^media/{_HASH}\.[a-z0-9]+$"),  # media/<hash>.<ext>
    # viewer/<name>-<hash>.js, .css, .js.LEGAL.txt: esbuild's base32 hash, or hex
    re.compile(rf"^viewer/(.+/)?[^/]+[-.]({_HASH}|[A-Z2-7]{{8,32}})\.[A-Za-z0-9.]+$"),
)


def uncompressed(key: str) -> str:
    """The key of the file a `.br`/`.gz` sibling stands for (`index.html.br` → `index.html`); others as they are."""
    path = PurePosixPath(key)
    return key[: -len(path.suffix)] if path.suffix in PRECOMPRESSED else key


def content_type(key: str) -> str:
    """The Content-Type for a key, from our table first so results do not depend on the machine."""
    suffix = PurePosixPath(key).suffix.lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    return mimetypes.guess_type(key)[0] or "application/octet-stream"


def is_content_hashed(key: str) -> bool:
    """True for keys whose bytes can never change under the same name."""
    return any(pattern.match(key) for pattern in _HASHED)


def cache_control(key: str) -> str:
    """A year for content-hashed files, revalidation for the entry points, five minutes for the rest."""
    if uncompressed(key) in ENTRY_POINTS:
        return REVALIDATE
    return IMMUTABLE if is_content_hashed(key) else SHORT


def compressible(key: str) -> bool:
    """Text formats that gzip shrinks; images, audio and video are compressed already."""
    return PurePosixPath(key).suffix.lower() in COMPRESSIBLE


def phase(key: str) -> int:
    """Upload order: 0 everything else, 1 tour.json, 2 index.html (so no visitor sees missing files).

    A precompressed sibling goes with its file: a web server sends `index.html.br` in place of `index.html`."""
    original = uncompressed(key)
    return ENTRY_POINTS.index(original) + 1 if original in ENTRY_POINTS else 0
