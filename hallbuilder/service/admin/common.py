"""Helpers shared by admin views: the selected hall, id lists from forms, audit entries."""

from __future__ import annotations

from typing import Any

from flask import abort, request

from hallbuilder.service.admin.auth import signed_in_user
from hallbuilder.service.context import service
from hallbuilder.service.numbers import numbers_or_400
from hallbuilder.service.store import halls, users


def all_halls() -> list[dict[str, Any]]:
    with service().database.read() as connection:
        return halls.all_halls(connection)


def selected_hall() -> str | None:
    """The `hall` of the query or form, checked to exist; None when none was chosen."""
    hall_id = request.values.get("hall") or None
    if hall_id is not None and hall_id not in {hall["id"] for hall in all_halls()}:
        abort(404, f"There is no hall '{hall_id}'.")
    return hall_id


def required_hall() -> str:
    """`selected_hall()`, or the only hall when there is one; else 400."""
    hall_id = selected_hall()
    if hall_id is not None:
        return hall_id
    known = [hall["id"] for hall in all_halls()]
    if len(known) != 1:
        abort(400, "Choose a hall first.")
    return known[0]


def form_ids() -> list[int]:
    """The ticked `ids` of a bulk form; 400 when one is not an id."""
    return numbers_or_400("ids", request.form.getlist("ids"))


def audit(connection, action: str, target: str, detail: str = "") -> None:
    users.audit(connection, signed_in_user()["username"], action, target, detail)
