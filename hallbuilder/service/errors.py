"""One error shape: JSON `{"code", "status", "message", "errors"?}` for the API, a small page for /admin."""

from __future__ import annotations

from flask import render_template, request
from flask_smorest import Api
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: "The request could not be read: send JSON as described at /api/openapi.json.",
    404: "Not found: check the hall, scene or comment in the address.",
    405: "This address does not accept that method.",
    413: "The request is too large.",
    500: "Something went wrong on our side; please try again in a moment.",
}


def _field_message(errors: dict) -> str:
    """`{"json": {"text": ["Too long."]}}` -> `text: Too long.` (the first problem, for a visitor)."""
    for location in errors.values():
        if isinstance(location, dict):
            for name, problems in location.items():
                first = problems[0] if isinstance(problems, list) and problems else problems
                if isinstance(first, dict):
                    return f"{name}: {_field_message({'': first})}"
                return f"{name}: {first}"
    return "Please check the form."


class JsonApi(Api):
    """flask-smorest's Api with messages a visitor can read, and HTML errors under /admin."""

    def handle_http_exception(self, error: HTTPException):
        if request.path.startswith("/admin"):
            page = render_template(
                "admin/error.html",
                code=error.code,
                name=error.name,
                message=getattr(error, "description", ""),
            )
            return page, error.code
        payload, code, headers = super().handle_http_exception(error)
        if "message" not in payload:
            if payload.get("errors"):
                payload["message"] = _field_message(payload["errors"])
            else:
                payload["message"] = MESSAGES.get(code, error.description or error.name)
        return payload, code, headers
