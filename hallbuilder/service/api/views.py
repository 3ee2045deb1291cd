"""Views and statistics. Bots, prefetches and HEAD are not counted; unknown halls or scenes create nothing."""

from __future__ import annotations

from hallbuilder.service.api.common import BeaconBlueprint, hall_or_404, scene_or_404
from hallbuilder.service.context import current_visitor, service
from hallbuilder.service.schemas import Stats, ViewIn
from hallbuilder.service.store import halls, views

blp = BeaconBlueprint("views", __name__, description="Views and statistics")


def counted() -> bool:
    visitor = current_visitor()
    return not (visitor.is_bot or visitor.is_prefetch)


@blp.route("/halls/<hall>/views", methods=["POST"])
@blp.arguments(ViewIn)
@blp.response(204)
@blp.alt_response(404, description="Unknown hall or scene")
def post_view(data: dict, hall: str):
    """Count a view of a scene (JSON, or text/plain from navigator.sendBeacon)."""
    hall_or_404(hall)
    scene_or_404(hall, data["scene"])
    if counted():
        visitor = current_visitor()
        with service().database.write() as connection:
            views.record(connection, hall, "scene", data["scene"], visitor.day, visitor.hash)


@blp.route("/halls/<hall>/stats")
@blp.response(200, Stats)
@blp.alt_response(404, description="Unknown hall")
def get_stats(hall: str):
    """Views and daily unique visitors of the hall and of each scene."""
    hall_or_404(hall)
    with service().database.read() as connection:
        total = views.totals(connection, hall)
        per_scene = views.by_target(connection, hall)
        scene_ids = halls.scene_ids(connection, hall)
    scenes = {scene: per_scene.get(scene, {"views": 0, "visitors": 0}) for scene in scene_ids}
    return {**total, "scenes": scenes}, 200, {"Cache-Control": "public, max-age=10"}
