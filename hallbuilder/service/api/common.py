"""Helpers the API views share: 404 for unknown halls, scenes and branches, 429 with Retry-After."""

from __future__ import annotations

from typing import Any

from flask_smorest import abort

from hallbuilder.service.context import current_visitor, service
from hallbuilder.service.guard import limits

JSON_HEADERS = {"Cache-Control": "no-store"}
# Documented on every route that counts or limits a visitor (guard/identity.py).
VISITOR_ID_PARAMETER = {
    "in": "header",
    "name": "X-Visitor-Id",
    "required": False,
    "description": "the viewer's random visitor id, 32 lower-case hex digits; without it (or in another form) "
    "the visitor is told apart by address and user agent",
    "schema": {"type": "string"},
}


def hall_or_404(hall_id: str, fresh: bool = False) -> dict[str, Any]:
    """The hall (briefly cached per process; `fresh=True` reads settings such as moderation now)."""
    hall = service().hall(hall_id, fresh=fresh)
    if hall is None:
        abort(404, message=f"There is no hall '{hall_id}' on this service.")
    return hall


def scene_or_404(hall_id: str, scene: str | None) -> None:
    if scene is not None and scene not in hall_or_404(hall_id)["scenes"]:
        abort(404, message=f"Hall '{hall_id}' has no scene '{scene}'.")


def branch_or_404(hall_id: str, branch: str) -> None:
    if branch not in hall_or_404(hall_id)["branches"]:
        abort(404, message=f"Hall '{hall_id}' has no branch showcase '{branch}'.")


def honeypot(value: str) -> None:
    if value:
        abort(400, message="Leave the website field empty.", errors={"json": {"website": ["Must be empty."]}})


def limit(rules: list[tuple[str, int, int, str]]) -> None:
    """Count the action under each (key, allowed, seconds, what) rule, narrowest first, up to the first it is
    over; 429 with Retry-After then. A refused action does not count against the wider (shared) budgets."""
    with service().database.write() as connection:
        index, wait = limits.first_over(connection, [rule[:3] for rule in rules])
    if wait:
        abort(
            429,
            message=f"Too many {rules[index][3]}: please wait {wait} seconds and try again.",
            headers={"Retry-After": str(wait)},
        )


def visitor_key(action: str) -> str:
    return f"{action}:v:{current_visitor().hash}"


def address_key(action: str) -> str:
    """Per address (a Wi-Fi, a NAT, an IPv6 /64), whatever visitors it holds."""
    return f"{action}:a:{current_visitor().address}"
