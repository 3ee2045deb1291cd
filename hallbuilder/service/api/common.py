"""Helpers the API views share: 404 for unknown halls, 429 with Retry-After, JSON in text/plain beacons."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint, abort
from webargs import core
from webargs.flaskparser import FlaskParser

from hallbuilder.service.context import current_visitor, service
from hallbuilder.service.guard import limits
from hallbuilder.service.store import halls

JSON_HEADERS = {"Cache-Control": "no-store"}


def hall_or_404(hall_id: str) -> dict[str, Any]:
    with service().database.read() as connection:
        hall = halls.get(connection, hall_id)
    if hall is None:
        abort(404, message=f"There is no hall '{hall_id}' on this service.")
    return hall


def scene_or_404(hall_id: str, scene: str | None) -> None:
    if scene is None:
        return
    with service().database.read() as connection:
        known = halls.has_scene(connection, hall_id, scene)
    if not known:
        abort(404, message=f"Hall '{hall_id}' has no scene '{scene}'.")


def branch_or_404(hall_id: str, branch: str) -> None:
    with service().database.read() as connection:
        known = halls.has_branch(connection, hall_id, branch)
    if not known:
        abort(404, message=f"Hall '{hall_id}' has no branch showcase '{branch}'.")


def honeypot(value: str) -> None:
    if value:
        abort(400, message="Leave the website field empty.", errors={"json": {"website": ["Must be empty."]}})


def limit(rules: list[tuple[str, int, int, str]]) -> None:
    """Count the action under each (key, allowed, seconds, what) rule; 429 with Retry-After on the first over."""
    with service().database.write() as connection:
        waits = [
            (limits.check(connection, key, allowed, seconds), what) for key, allowed, seconds, what in rules
        ]
    for wait, what in waits:
        if wait:
            abort(
                429,
                message=f"Too many {what}: please wait {wait} seconds and try again.",
                headers={"Retry-After": str(wait)},
            )


def visitor_key(action: str) -> str:
    return f"{action}:v:{current_visitor().hash}"


class BeaconParser(FlaskParser):
    """Also reads JSON sent as text/plain: `navigator.sendBeacon(url, JSON.stringify(...))` does that."""

    def _raw_load_json(self, req):
        if req.mimetype in ("text/plain", "") and req.get_data(cache=True):
            return core.parse_json(req.get_data(cache=True))
        return super()._raw_load_json(req)


class BeaconBlueprint(Blueprint):
    ARGUMENTS_PARSER = BeaconParser()
