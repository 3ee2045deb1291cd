"""Who may open a branch's pages: organisers, and the one branch an account is scoped to. Nobody else."""

from __future__ import annotations

from typing import Any

from flask import abort

from hallbuilder.ids import is_id
from hallbuilder.service.admin.auth import current_user
from hallbuilder.service.context import service


def may_open(user: dict[str, Any] | None, hall: str, branch: str) -> bool:
    """The rule, on its own so tests can state it: organisers everywhere, branch accounts only at home."""
    if user is None:
        return False
    if user["role"] == "organiser":
        return True
    return user["role"] == "branch" and user["hall_id"] == hall and user["branch_id"] == branch


def require_branch(hall: str, branch: str) -> dict[str, Any]:
    """The logged-in user, when they may open this branch (call under `login_required()`); else 403 or 404."""
    user = current_user()
    if user is None or not may_open(user, hall, branch):
        abort(403, "This account cannot open that branch's showcase.")
    if not is_id(branch) or service().hall(hall, fresh=True) is None:
        abort(404, f"There is no hall '{hall}' with a branch '{branch}' on this service.")
    return user


def home_of(user: dict[str, Any]) -> tuple[str, str] | None:
    """(hall, branch) of a branch account, None for organisers."""
    if user["role"] == "branch" and user["hall_id"] and user["branch_id"]:
        return user["hall_id"], user["branch_id"]
    return None
