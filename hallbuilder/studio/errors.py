"""One JSON error shape for the whole studio: `{"error": {"code", "message", "problems": [...]}}`.

Views raise `StudioError` with a message key (messages.py); the handler words it in the page's language.
Nothing else reaches staff: an unexpected exception becomes a one-line message, never a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from hallbuilder.studio.messages import choose_language, say

log = logging.getLogger("hallbuilder.studio")


class StudioError(Exception):
    """A refusal to show staff: HTTP `status`, a stable `code` for the page, and the message's key."""

    def __init__(
        self,
        status: int,
        code: str,
        key: str,
        values: dict[str, Any] | None = None,
        problems: list[dict[str, Any]] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(key)
        self.status, self.code, self.key = status, code, key
        self.values, self.problems, self.extra = values or {}, problems or [], extra


def language() -> str:
    return choose_language(request.args.get("lang"), request.headers.get("Accept-Language", ""))


def error_body(code: str, message: str, problems: list | None = None, **extra: Any) -> dict:
    return {"error": {"code": code, "message": message, "problems": problems or [], **extra}}


def register_errors(app: Flask) -> None:
    @app.errorhandler(StudioError)
    def studio_error(error: StudioError):
        message = say(error.key, language(), **error.values)
        return jsonify(error_body(error.code, message, error.problems, **error.extra)), error.status

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        key, values = ("bad_request", {"detail": error.description or error.name})
        if error.code == 404:
            key, values = "not_found", {"what": request.path}
        elif error.code == 413:
            limit = (current_app.config.get("MAX_CONTENT_LENGTH") or 0) // 2**20
            key, values = "request_too_large", {"limit": limit}
        body = error_body(error.name.lower().replace(" ", "_"), say(key, language(), **values))
        return jsonify(body), error.code or 500

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        log.exception("studio request failed")
        message = f"Unexpected error: {type(error).__name__}: {error}. This is a bug in hallbuilder; please report it."
        return jsonify(error_body("internal", message)), 500
