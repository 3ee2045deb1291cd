"""Private messages to the organisers: visitors can only post; no public route ever reads them."""

from __future__ import annotations

from flask_smorest import Blueprint

from hallbuilder.service.api.common import (
    VISITOR_ID_PARAMETER,
    address_key,
    hall_or_404,
    honeypot,
    limit,
    visitor_key,
)
from hallbuilder.service.context import current_visitor, service
from hallbuilder.service.guard.limits import ADDRESS_SHARE
from hallbuilder.service.schemas import MessageIn, MessageReceived
from hallbuilder.service.store import messages

blp = Blueprint("messages", __name__, description="Private messages to the organisers")


@blp.route("/halls/<hall>/messages", methods=["POST"])
@blp.doc(parameters=[VISITOR_ID_PARAMETER])
@blp.arguments(MessageIn)
@blp.response(201, MessageReceived)
@blp.alt_response(400, description="The honeypot field was filled in")
@blp.alt_response(404, description="Unknown hall")
@blp.alt_response(429, description="Too many messages; see Retry-After")
def post_message(data: dict, hall: str):
    """Leave a message for the organisers (read in the admin inbox only)."""
    hall_or_404(hall)
    honeypot(data["website"])
    per_visitor = service().settings.limits.messages_per_hour
    limit(
        [
            (visitor_key(f"message:{hall}"), per_visitor, 3600, "messages"),
            (address_key(f"message:{hall}"), per_visitor * ADDRESS_SHARE, 3600, "messages from your network"),
        ]
    )
    with service().database.write() as connection:
        messages.add(
            connection,
            hall_id=hall,
            name=data["name"].strip(),
            contact=data["contact"].strip(),
            text=data["text"],
            visitor=current_visitor().hash,
        )
    return {"status": "received"}
