"""Serve a built tour beside the API for `hallbuilder serve`: precompressed siblings, long cache for hashed
paths, and tour.json with `service.url` pointing at this server's `/api`.
"""

from __future__ import annotations

import hmac
import json
import mimetypes
import re
import secrets
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, jsonify, request, send_file
from marshmallow import Schema, ValidationError, fields, validate
from werkzeug.security import safe_join

from hallbuilder import ids

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


EDIT_ROUTE = "/__hallbuilder/hotspot"
LOOPBACK = {"127.0.0.1", "::1"}


def served_tour(dist: Path, edit_token: str | None = None, staff: bool = False) -> dict:
    """tour.json as built, with `service.url` replaced by this server's API.

    For `staff` (a page asked for from this computer) it carries `edit`: the viewer offers its edit mode
    only then, and with the project known (`edit_token`) it can save into hall.yaml. Phones on the LAN and
    every published copy get no `edit`, so visitors never see staff tools.
    """
    tour = json.loads((dist / "tour.json").read_text("utf-8"))
    tour["service"] = {**(tour.get("service") or {}), "url": "/api"}
    if staff:
        tour["edit"] = {"save": EDIT_ROUTE, "token": edit_token} if edit_token else {}
    return tour


def tour_json(dist: Path, edit_token: str | None = None, staff: bool = False) -> bytes:
    return json.dumps(served_tour(dist, edit_token, staff), ensure_ascii=False).encode()


EMBEDDED_TOUR = re.compile(r'(<script type="application/json" id="hb-tour">)(.*?)(</script>)', re.DOTALL)


def index_html(dist: Path, edit_token: str | None = None, staff: bool = False) -> bytes:
    """index.html with the tour embedded in it pointing at this server's API too (the page reads that copy)."""
    page = (dist / "index.html").read_text("utf-8")
    raw = json.dumps(served_tour(dist, edit_token, staff), ensure_ascii=False, separators=(",", ":"))
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


class HotspotEdit(Schema):
    """A hotspot placed or moved in the viewer's edit mode."""

    scene = fields.String(required=True, validate=validate.Regexp(ids.ID))
    id = fields.String(load_default=None, validate=validate.Length(max=80))
    type = fields.String(required=True, validate=validate.OneOf(["link", "info"]))
    target = fields.String(load_default=None, validate=validate.Regexp(ids.ID))
    yaw = fields.Float(required=True, allow_nan=False, validate=validate.Range(-180, 360))
    pitch = fields.Float(required=True, allow_nan=False, validate=validate.Range(-90, 90))


def save_edit(project: Path, token: str):
    """Only this computer, only the page this server served (it carries the token), only a valid hall.yaml.

    The Host and Origin are checked too: a page on another site that points its name at 127.0.0.1 (DNS
    rebinding) comes from this computer's address, but not with this server's Host.
    """
    from hallbuilder.config.edit import save_hotspot
    from hallbuilder.errors import ConfigError
    from hallbuilder.localguard import flask_refusal

    if (
        flask_refusal()
        or request.remote_addr not in LOOPBACK
        or not hmac.compare_digest(request.headers.get("X-Hallbuilder-Edit", ""), token)
    ):
        return jsonify(code=403, status="Forbidden", message="Edit mode saves only from this computer."), 403
    try:
        change = HotspotEdit().load(request.get_json(silent=True) or {})
        if change["type"] == "link" and not change["target"]:
            raise ValidationError({"target": ["required for a link hotspot"]})
        rounded = {**change, "yaw": round(change["yaw"], 1), "pitch": round(change["pitch"], 1)}
        done = save_hotspot(project, rounded)
    except ValidationError as error:
        return jsonify(
            code=422, status="Unprocessable Entity", message="Invalid hotspot.", errors=error.messages
        ), 422
    except ConfigError as error:
        return jsonify(code=422, status="Unprocessable Entity", message="\n".join(error.lines())), 422
    # the viewer shows it after its own "Saved to hall.yaml", in the visitor's language
    return jsonify(saved=True, message=f"{done}; run `hallbuilder build` to rebuild the tour.")


def register(app: Flask, dist: Path, project: Path | None = None) -> None:
    """Serve `dist` at `/` next to `/api` and `/admin`; with `project`, edit mode can save into its hall.yaml."""
    blueprint = Blueprint("tour", __name__)
    edit_token = secrets.token_urlsafe(24) if project is not None else None

    if project is not None:
        blueprint.add_url_rule(
            EDIT_ROUTE, "save_edit", lambda: save_edit(project, edit_token), methods=["POST"]
        )

    def staff() -> bool:
        return request.remote_addr in LOOPBACK

    @blueprint.route("/tour.json")
    def tour():
        response = Response(tour_json(dist, edit_token, staff()), mimetype="application/json")
        response.headers["Cache-Control"] = SHORT_CACHE
        return response

    @blueprint.route("/", defaults={"relative": "index.html"})
    @blueprint.route("/<path:relative>")
    def files(relative: str):
        if relative.endswith("/"):
            relative += "index.html"
        if relative == "index.html":
            response = Response(index_html(dist, edit_token, staff()), mimetype="text/html")
            response.headers["Cache-Control"] = SHORT_CACHE
            return response
        return _send(dist, relative)

    app.register_blueprint(blueprint)
