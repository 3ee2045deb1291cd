"""Scene operations over HTTP, each one save: references, rename, delete, the way back of a link."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from hallbuilder.ids import ID, is_id
from hallbuilder.studio.errors import StudioError
from hallbuilder.studio.scenes import (
    add_way_back,
    delete_scene,
    find_scene,
    references,
    rename_scene,
    showcase_references,
    update_showcases,
)


def studio():
    return current_app.extensions["studio"]


def body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise StudioError(400, "bad_request", "bad_request", {"detail": "send a JSON object"})
    return data


def make_blueprint() -> Blueprint:
    blueprint = Blueprint("scenes", __name__, url_prefix="/api/scenes")

    @blueprint.get("/<scene_id>/references")
    def scene_references(scene_id: str):
        current = studio()
        document = current.saver.document()
        find_scene(document, scene_id)
        return jsonify(references(document, scene_id) + showcase_references(current.project, scene_id))

    @blueprint.post("/<scene_id>/rename")
    def rename(scene_id: str):
        data = body()
        new = data.get("to")
        if not is_id(new):
            raise StudioError(400, "bad_id", "bad_request", {"detail": f"'to' must be an id ({ID.pattern})"})
        current = studio()
        version = current.saver.edit(
            data.get("version"),
            lambda document: rename_scene(document, scene_id, new),
            f"rename {scene_id} → {new}",
        )
        update_showcases(current.project, scene_id, new)
        return jsonify(version=version)

    @blueprint.delete("/<scene_id>")
    def delete(scene_id: str):
        current = studio()
        version = current.saver.edit(
            request.args.get("version"),
            lambda document: delete_scene(document, scene_id),
            f"delete {scene_id}",
        )
        update_showcases(current.project, scene_id, None)
        return jsonify(version=version)

    @blueprint.post("/<scene_id>/hotspots/<hotspot_id>/way-back")
    def way_back(scene_id: str, hotspot_id: str):
        added: list[bool] = []
        version = studio().saver.edit(
            body().get("version"),
            lambda document: added.append(add_way_back(document, scene_id, hotspot_id)),
            f"way back for {scene_id}/{hotspot_id}",
        )
        return jsonify(version=version, added=added[0])

    return blueprint
