"""Branch self-service: each branch adds and edits its achievements and photos through a simple web form;
submissions wait for an organiser's approval; `hallbuilder build --pull-showcases URL` brings approved ones in.

Pages live under /admin/showcases (the admin login and its session cookie); the approved content is read by the
build from the public API (`/api/halls/<hall>/showcases/approved`): it is what the next tour will publish.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, redirect, request, url_for
from flask_smorest import Api

from hallbuilder.service.admin.auth import check_csrf, current_user

UPLOAD_LIMIT = 64 * 1024 * 1024  # a form with several phone photos; the rest of the service keeps 64 KB
PHOTO_FORMS = ("branches.add", "branches.edit")

blueprint = Blueprint(
    "branches",
    __name__,
    url_prefix="/admin/showcases",
    template_folder=str(Path(__file__).resolve().parent / "templates"),
)


@blueprint.before_request
def allow_photo_uploads():
    """Only an account that may open the branch sends a large form to it, and that is checked before any of
    the body is read: anyone else is sent to the login page at once, whatever the size they announced, and a
    logged-in account keeps the 64 KB limit everywhere but its own branch's photo forms.
    """
    from hallbuilder.service.branches.access import may_open

    user = current_user()
    if user is None:
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            return redirect(url_for("admin.login", next=request.full_path))
        return None
    args = request.view_args or {}
    if request.endpoint in PHOTO_FORMS and may_open(user, args.get("hall", ""), args.get("branch", "")):
        request.max_content_length = UPLOAD_LIMIT
    return None


blueprint.before_request(check_csrf)


def register(app: Flask, api: Api) -> None:
    """Called by the app factory: the pages blueprint and the approved-content API."""
    from hallbuilder.service.branches import export, review, views  # noqa: F401  (routes)

    app.register_blueprint(blueprint)
    api.register_blueprint(export.blp, url_prefix="/api")
