"""Request bodies refused before any view reads them: JSON nested so deep that parsing it overflows.

Python's JSON parser raises RecursionError (not ValueError) on about a thousand nested brackets, which every
parser in the service (webargs, the views beacon) turned into a 500. Ordinary bodies hold few brackets, so
only a body with many is parsed here first; the views parse it again as usual.
"""

from __future__ import annotations

import json

from flask import Flask, request
from flask_smorest import abort

MOST_BRACKETS = 64  # fewer than this cannot nest too deeply; the visitor API's bodies hold a handful
DEEP_JSON = "The request is nested too deeply: send flat JSON as described at /api/openapi.json."


def too_deep(body: bytes) -> bool:
    """Whether parsing `body` as JSON runs out of stack (any other problem is left to the view)."""
    if body.count(b"[") + body.count(b"{") < MOST_BRACKETS:
        return False
    try:
        json.loads(body)
    except RecursionError:
        return True
    except ValueError:
        return False
    return False


def init(app: Flask) -> None:
    @app.before_request
    def refuse_deep_json() -> None:
        sends_body = request.method in ("POST", "PATCH", "PUT")
        if sends_body and request.path.startswith("/api") and too_deep(request.get_data(cache=True)):
            abort(400, message=DEEP_JSON)
