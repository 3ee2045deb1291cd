"""The JSON API of the project itself: session, reading, edits, the version poll, history and undo."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, g, jsonify, request

from hallbuilder.studio.errors import StudioError, language
from hallbuilder.studio.ops import apply_ops, summary_of
from hallbuilder.studio.project import read_project


def studio():
    return current_app.extensions["studio"]


def body() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise StudioError(400, "bad_request", "bad_request", {"detail": "send a JSON object"})
    return data


def make_blueprint() -> Blueprint:
    blueprint = Blueprint("api", __name__, url_prefix="/api")

    @blueprint.get("/session")
    def session():
        current = studio()
        return jsonify(
            csrf=current.access.csrf_of(g.get("session")),
            lang=language(),
            project=str(current.project),
            lan=current.access.lan,
        )

    @blueprint.get("/project")
    def project():
        return jsonify(read_project(studio().project, studio().jobs.statuses))

    @blueprint.get("/version")
    def version():
        return jsonify(version=studio().watch.version())

    @blueprint.post("/edit")
    def edit():
        data = body()
        ops = data.get("ops")
        version = studio().saver.edit(
            data.get("version"), lambda document: apply_ops(document, ops), summary_of(ops)
        )
        return jsonify(version=version)

    @blueprint.get("/history")
    def history():
        return jsonify(
            [
                {"id": e.id, "time": e.time, "summary": e.summary, "undone": e.undone}
                for e in studio().history.entries()
            ]
        )

    @blueprint.post("/history/<entry_id>/restore")
    def restore(entry_id: str):
        current = studio()
        text = current.history.read(entry_id).decode("utf-8")
        return jsonify(version=current.saver.replace(body().get("version"), text, f"restore {entry_id}"))

    @blueprint.post("/undo")
    def undo():
        current = studio()
        entry = current.history.last_undoable()
        text = current.history.read(entry.id).decode("utf-8")
        version = current.saver.replace(body().get("version"), text, f"undo: {entry.summary}", undo=True)
        current.history.mark_undone(entry.id)
        return jsonify(version=version)

    return blueprint
