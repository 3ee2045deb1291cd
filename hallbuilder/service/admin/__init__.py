"""Organiser pages under /admin: server-rendered, CSRF-checked, behind `login_required`."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint

from hallbuilder.service.admin.auth import check_csrf, csrf_token, current_user
from hallbuilder.service.admin.texts import t

blueprint = Blueprint(
    "admin",
    __name__,
    url_prefix="/admin",
    template_folder=str(Path(__file__).resolve().parent.parent / "templates"),
)
blueprint.before_request(check_csrf)


@blueprint.app_context_processor
def template_helpers() -> dict:
    """For every template of the app: the admin pages and branch self-service share the login and CSRF."""
    return {"csrf_token": csrf_token, "current_user": current_user, "t": t}


from hallbuilder.service.admin import account, content, inbox, moderation, pages, stats  # noqa: E402,F401  (routes)
