"""Branch showcases: likes (one per visitor per day) and views, so branches can compare themselves."""

from __future__ import annotations

from flask_smorest import Blueprint

from hallbuilder.service.api.common import VISITOR_ID_PARAMETER, branch_or_404, hall_or_404
from hallbuilder.service.api.views import counted
from hallbuilder.service.context import current_visitor, service
from hallbuilder.service.schemas import Liked, Showcases
from hallbuilder.service.store import halls, views

blp = Blueprint("showcases", __name__, description="Branch showcases")


@blp.route("/halls/<hall>/showcases")
@blp.response(200, Showcases)
@blp.alt_response(404, description="Unknown hall")
def get_showcases(hall: str):
    """Likes and views of every branch showcase of the hall."""
    hall_or_404(hall)
    with service().database.read() as connection:
        likes = views.like_counts(connection, hall)
        seen = views.by_target(connection, hall, kind="branch")
        branches = halls.branch_ids(connection, hall)
    # A showcase view counts once per visitor per day: distinct (day, visitor) pairs, whatever was stored.
    showcases = {b: {"likes": likes.get(b, 0), "views": seen.get(b, {}).get("visitors", 0)} for b in branches}
    return {"showcases": showcases}, 200, {"Cache-Control": "public, max-age=10"}


@blp.route("/halls/<hall>/showcases/<branch>/likes", methods=["POST"])
@blp.doc(parameters=[VISITOR_ID_PARAMETER])
@blp.response(200, Liked)
@blp.alt_response(404, description="Unknown hall or branch")
def like(hall: str, branch: str):
    """Like a branch showcase; a visitor's second like on the same day changes nothing and says so.

    `liked` is whether this request counted; `already` whether the visitor had liked it today. Bots and
    prefetches get both false: nothing is counted for them.
    """
    hall_or_404(hall)
    branch_or_404(hall, branch)
    visitor = current_visitor()
    with service().database.count() as connection:
        if not counted():
            return {
                "likes": views.like_counts(connection, hall).get(branch, 0),
                "liked": False,
                "already": False,
            }
        likes, added = views.like(connection, hall, branch, visitor.day, visitor.hash)
        return {"likes": likes, "liked": added, "already": not added}


@blp.route("/halls/<hall>/showcases/<branch>/views", methods=["POST"])
@blp.doc(parameters=[VISITOR_ID_PARAMETER])
@blp.response(204)
@blp.alt_response(404, description="Unknown hall or branch")
def view_showcase(hall: str, branch: str):
    """Count a view of a branch showcase, once per visitor per day."""
    hall_or_404(hall)
    branch_or_404(hall, branch)
    if counted():
        visitor = current_visitor()
        with service().database.count() as connection:
            views.record_once(connection, hall, "branch", branch, visitor.day, visitor.hash)
