"""Views and statistics. Bots, prefetches and HEAD are not counted; unknown halls or scenes create nothing.

A view is answered before it is written (store/viewbuffer.py); statistics include every view this worker
has answered, and other workers' views within HALLBUILDER_VIEW_FLUSH_MS.
"""

from __future__ import annotations

import json

from flask import request
from flask_smorest import Blueprint, abort
from marshmallow import ValidationError

from hallbuilder.service.api.common import VISITOR_ID_PARAMETER, hall_or_404, scene_or_404
from hallbuilder.service.context import current_visitor, service
from hallbuilder.service.schemas import Stats, ViewIn
from hallbuilder.service.store import halls, views

blp = Blueprint("views", __name__, description="Views and statistics")


def counted() -> bool:
    visitor = current_visitor()
    return not (visitor.is_bot or visitor.is_prefetch)


VIEW_BODY = {
    "required": True,
    "content": {"application/json": {"schema": ViewIn}, "text/plain": {"schema": ViewIn}},
}


VIEW_SCHEMA = ViewIn()


def view_body() -> dict:
    """The scene (and visitor id) of a view body: JSON, also sent as text/plain by navigator.sendBeacon.

    The body is read here rather than by webargs (which wants application/json and costs three times as much on
    the busiest route), then validated by the same marshmallow schema the OpenAPI spec shows.
    """
    try:
        data = json.loads(request.get_data(cache=True) or b"null")
    except (ValueError, UnicodeDecodeError, RecursionError):
        abort(400, message='The request could not be read: send JSON such as {"scene": "lobby"}.')
    try:
        return VIEW_SCHEMA.load(data if isinstance(data, dict) else {"scene": data})
    except ValidationError as error:
        field, problems = next(iter(error.normalized_messages().items()))
        abort(422, message=f"{field}: {' '.join(problems)}", errors={"json": error.messages})


@blp.route("/halls/<hall>/views", methods=["POST"])
@blp.doc(requestBody=VIEW_BODY, parameters=[VISITOR_ID_PARAMETER])
@blp.response(204)
@blp.alt_response(400, description="The body is not JSON")
@blp.alt_response(404, description="Unknown hall or scene")
@blp.alt_response(422, description="No valid scene id in the body")
def post_view(hall: str):
    """Count a view of a scene (JSON, or text/plain from navigator.sendBeacon, which cannot send headers: the
    visitor id then comes in the body)."""
    body = view_body()
    scene = body["scene"]
    hall_or_404(hall)
    scene_or_404(hall, scene)
    visitor = current_visitor(body_id=body.get("visitor"))
    if counted():
        service().record_view((hall, "scene", scene, visitor.day, visitor.hash))


@blp.route("/halls/<hall>/stats")
@blp.response(200, Stats)
@blp.alt_response(404, description="Unknown hall")
def get_stats(hall: str):
    """Views and daily unique visitors of the hall and of each scene."""
    hall_or_404(hall)
    service().flush_views()
    with service().database.read() as connection:
        total = views.totals(connection, hall)
        per_scene = views.by_target(connection, hall)
        scene_ids = halls.scene_ids(connection, hall)
    scenes = {scene: per_scene.get(scene, {"views": 0, "visitors": 0}) for scene in scene_ids}
    return {**total, "scenes": scenes}, 200, {"Cache-Control": "public, max-age=10"}
