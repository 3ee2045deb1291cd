"""The visitor API under /api/halls/<hall>/...: one blueprint per kind of thing visitors do."""

from __future__ import annotations

from flask_smorest import Api


def register(api: Api) -> None:
    from hallbuilder.service.api import announcements, comments, health, messages, showcases, views

    for module in (comments, messages, announcements, views, showcases, health):
        api.register_blueprint(module.blp, url_prefix="/api")
