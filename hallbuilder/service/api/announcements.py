"""Current announcements of a hall, their HTML sanitised again on the way out."""

from __future__ import annotations

from flask_smorest import Blueprint

from hallbuilder.service.api.common import hall_or_404
from hallbuilder.service.context import service, today
from hallbuilder.service.sanitize import announcement_html
from hallbuilder.service.schemas import AnnouncementList
from hallbuilder.service.store import announcements

blp = Blueprint("announcements", __name__, description="Announcements")


@blp.route("/halls/<hall>/announcements")
@blp.response(200, AnnouncementList, headers={"Cache-Control": {"schema": {"type": "string"}}})
@blp.alt_response(404, description="Unknown hall")
def list_announcements(hall: str):
    """Published announcements that have started and not ended, newest first."""
    hall_or_404(hall)
    with service().database.read() as connection:
        found = announcements.current(connection, hall, today())
    for item in found:
        item["html"] = announcement_html(item["html"])
    return {"announcements": found}, 200, {"Cache-Control": "public, max-age=60"}
