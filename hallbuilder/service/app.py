"""The Flask app factory: settings -> database -> API blueprints + admin blueprint."""

from __future__ import annotations

from flask import Flask, request

from hallbuilder import __version__
from hallbuilder.service import bodies, cors
from hallbuilder.service.config import Settings, from_environment
from hallbuilder.service.context import Service
from hallbuilder.service.errors import JsonApi
from hallbuilder.service.store.db import Database

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
ADMIN_CSP = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
)


def create_app(settings: Settings | None = None) -> Flask:
    """Build the service; without `settings`, read them from the environment (see config.py)."""
    settings = settings or from_environment()
    app = Flask(__name__, static_folder=None)
    app.config.update(
        SECRET_KEY=settings.secret_key,
        SESSION_COOKIE_NAME="hallbuilder_admin",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        SESSION_COOKIE_PATH="/admin",
        MAX_CONTENT_LENGTH=64 * 1024,
        API_TITLE="hallbuilder hall service",
        API_VERSION=__version__,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api",
        OPENAPI_JSON_PATH="openapi.json",
    )
    app.extensions["hallbuilder"] = Service(settings, Database(settings.database_url))
    api = JsonApi(app)
    from hallbuilder.service.api import register as register_api

    register_api(api)
    from hallbuilder.service.admin import blueprint as admin

    app.register_blueprint(admin)
    from hallbuilder.service.branches import register as register_branches

    register_branches(app, api)
    cors.init(app)
    bodies.init(app)

    @app.after_request
    def security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.path.startswith("/admin") and response.mimetype == "text/html":
            response.headers.setdefault("Content-Security-Policy", ADMIN_CSP)
            response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    return app
