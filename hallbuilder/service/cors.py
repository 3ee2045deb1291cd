"""CORS for /api: the tour lives on object storage or a CDN, the API elsewhere; only listed origins pass."""

from __future__ import annotations

from flask import Flask, request

ALLOW_HEADERS = "Content-Type, X-Edit-Token, X-Visitor-Id"
EXPOSE_HEADERS = "ETag, Retry-After"


def init(app: Flask) -> None:
    """Answer /api requests from the origins in `settings.cors_origins` ("*" allows any)."""

    @app.after_request
    def add_headers(response):
        if not request.path.startswith("/api"):
            return response
        allowed = app.extensions["hallbuilder"].settings.cors_origins
        response.vary.add("Origin")
        origin = request.headers.get("Origin")
        if origin and (origin in allowed or "*" in allowed):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
            if request.method == "OPTIONS":
                response.headers["Access-Control-Allow-Methods"] = "GET, POST, PATCH, DELETE"
                response.headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS
                response.headers["Access-Control-Max-Age"] = "600"
        return response
