"""A cheap liveness check (no database), also the no-op baseline of the benchmark."""

from __future__ import annotations

from flask_smorest import Blueprint

from hallbuilder.service.schemas import Health

blp = Blueprint("health", __name__, description="Liveness")


@blp.route("/health", methods=["GET", "POST"])
@blp.response(200, Health)
def health():
    """Answer without touching the database."""
    return {"status": "ok"}
