"""Serve a built tour beside the API for `hallbuilder serve`: precompressed siblings, long cache for hashed
paths, and tour.json with `service.url` pointing at this server's `/api`.
"""

from __future__ import annotations

import json
import mimetypes
import re
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, request, send_file
from werkzeug.security import safe_join

LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "no-cache"
HASHED = (
    re.compile(r"^scenes/[^/]+/[0-9a-f]{8,64}/"),
    re.compile(r"^media/"),
    re.compile(r"[.-](?=[A-Za-z0-9]*\d)[A-Za-z0-9]{8,}\.[a-z0-9]+$"),  # viewer.3f2a9c1b.js, app-B7X2Q9LK.css
)
TYPES = {
    ".json": "application/json",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
    ".vtt": "text/vtt",
    ".wasm": "application/wasm",
    ".m4a": "audio/mp4",
    ".mp3": "audio/mpeg",
    ".mp4": "video/mp4",
    ".html": "text/html",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
}
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def cache_control(relative: str) -> str:
    return LONG_CACHE if any(pattern.search(relative) for pattern in HASHED) else SHORT_CACHE


def content_type(relative: str) -> str:
    """The type of the original file (Flask adds `charset=utf-8` to text types)."""
    suffix = Path(relative).suffix.lower()
    return TYPES.get(suffix) or mimetypes.guess_type(relative)[0] or "application/octet-stream"


def served_tour(dist: Path) -> dict:
    """tour.json as built, with `service.url` replaced by this server's API."""
    tour = json.loads((dist / "tour.json").read_text("utf-8"))
    tour["service"] = {**(tour.get("service") or {}), "url": "/api"}
    return tour


def tour_json(dist: Path) -> bytes:
    return json.dumps(served_tour(dist), ensure_ascii=False).encode()


EMBEDDED_TOUR = re.compile(r'(<script type="application/json" id="hb-tour">)(.*?)(</script>)', re.DOTALL)


def index_html(dist: Path) -> bytes:
    """index.html with the tour embedded in it pointing at this server's API too (the page reads that copy)."""
    page = (dist / "index.html").read_text("utf-8")
    raw = json.dumps(served_tour(dist), ensure_ascii=False, separators=(",", ":"))
    safe = raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return EMBEDDED_TOUR.sub(lambda match: match.group(1) + safe + match.group(3), page, count=1).encode()


def _accepted(header: str) -> set[str]:
    accepted = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            accepted.add(name.strip().lower())
    return accepted


def _send(dist: Path, relative: str) -> Response:
    path = safe_join(str(dist), relative)
    if path is None or not Path(path).is_file():
        abort(404, f"No file {relative!r} in the tour.")
    accepted = _accepted(request.headers.get("Accept-Encoding", ""))
    chosen, encoding = Path(path), None
    for name, suffix in ENCODINGS:
        sibling = Path(path + suffix)
        if name in accepted and sibling.is_file():
            chosen, encoding = sibling, name
            break
    response = send_file(chosen, mimetype=content_type(relative), conditional=True, etag=True)
    if encoding:
        response.headers["Content-Encoding"] = encoding
    response.vary.add("Accept-Encoding")
    response.headers["Cache-Control"] = cache_control(relative)
    return response


def register(app: Flask, dist: Path) -> None:
    """Serve `dist` at `/` next to `/api` and `/admin`."""
    blueprint = Blueprint("tour", __name__)

    @blueprint.route("/tour.json")
    def tour():
        response = Response(tour_json(dist), mimetype="application/json")
        response.headers["Cache-Control"] = SHORT_CACHE
        return response

    @blueprint.route("/", defaults={"relative": "index.html"})
    @blueprint.route("/<path:relative>")
    def files(relative: str):
        if relative.endswith("/"):
            relative += "index.html"
        if relative == "index.html":
            response = Response(index_html(dist), mimetype="text/html")
            response.headers["Cache-Control"] = SHORT_CACHE
            return response
        return _send(dist, relative)

    app.register_blueprint(blueprint)
