"""The studio page (the `studio` entry of web_dist/manifest.json, built by web/build.mjs), its assets, and
the preview tour at /preview/ (the real visitor viewer, served from `.hallbuilder-studio/preview/`)."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, jsonify, send_from_directory

WEB_DIST = Path(__file__).resolve().parent.parent / "web_dist"
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hallbuilder studio</title>{css}</head>
<body><div id="studio"></div>{script}</body></html>"""
MISSING = """<!doctype html><html><meta charset="utf-8"><title>hallbuilder studio</title>
<p>The studio's page is not built yet: run <code>cd web &amp;&amp; npm run build</code>
(web_dist/manifest.json has no "studio" entry). The JSON API under /api works meanwhile.</p></html>"""


def studio_entry() -> dict | None:
    try:
        manifest = json.loads((WEB_DIST / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    entry = manifest.get("studio") if isinstance(manifest, dict) else None
    return entry if isinstance(entry, dict) and isinstance(entry.get("entry"), str) else None


def page_html(entry: dict) -> str:
    css = f'<link rel="stylesheet" href="/assets/{escape(entry["css"])}">' if entry.get("css") else ""
    script = f'<script type="module" src="/assets/{escape(entry["entry"])}"></script>'
    return PAGE.format(css=css, script=script)


def make_blueprint() -> Blueprint:
    blueprint = Blueprint("page", __name__)

    @blueprint.get("/")
    def page():
        entry = studio_entry()
        response = Response(page_html(entry) if entry else MISSING, mimetype="text/html")
        response.headers["Cache-Control"] = "no-cache"
        return response

    @blueprint.get("/assets/<path:relative>")
    def assets(relative: str):
        return send_from_directory(WEB_DIST, relative)

    @blueprint.get("/api/preview")
    def preview_state():
        return jsonify(current_app.extensions["studio"].preview.json())

    @blueprint.get("/preview/", defaults={"relative": "index.html"})
    @blueprint.get("/preview/<path:relative>")
    def preview(relative: str):
        dist = current_app.extensions["studio"].preview.dist
        if not (dist / "tour.json").is_file():
            abort(404)
        if relative.endswith("/"):
            relative += "index.html"
        response = send_from_directory(dist, relative)
        response.headers["Cache-Control"] = "no-cache"
        return response

    return blueprint
