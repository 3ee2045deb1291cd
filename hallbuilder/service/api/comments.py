"""Comments on the hall and on each scene: list approved, post, edit or delete one's own.

There is no comment stream: the viewer polls `comments` (ETag, `max-age=5`). A Server-Sent Events route held a
sync gunicorn worker per open connection, so four anonymous streams froze the default `service run`.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from flask import Response, request
from flask_smorest import Blueprint, abort

from hallbuilder.service import tokens
from hallbuilder.service.api.common import (
    VISITOR_ID_PARAMETER,
    address_key,
    hall_or_404,
    honeypot,
    limit,
    scene_or_404,
    visitor_key,
)
from hallbuilder.service.context import current_visitor, service
from hallbuilder.service.guard import limits as rate_limits
from hallbuilder.service.guard import words as filters
from hallbuilder.service.schemas import (
    CommentCreated,
    CommentEdited,
    CommentEditIn,
    CommentIn,
    CommentList,
    CommentQuery,
)
from hallbuilder.service.store import comments, users, utcnow
from hallbuilder.service.store import words as word_lists

blp = Blueprint("comments", __name__, description="Comments on the hall and its scenes")
EDITABLE = ("pending", "published")
SAME_TEXT_PER_ADDRESS = 3  # copies of one text from one address per UTC day, whatever its visitors


@blp.route("/halls/<hall>/comments")
@blp.arguments(CommentQuery, location="query", as_kwargs=True)
@blp.response(200, CommentList)
@blp.alt_response(404, description="Unknown hall or scene")
def list_comments(hall: str, after_id: int, limit: int, scene: str | None = None):
    """Approved comments, oldest first, after `after_id`; poll with `next_after_id` (ETag supported)."""
    hall_or_404(hall)
    scene_or_404(hall, scene)
    with service().database.read() as connection:
        found = comments.published(connection, hall, scene, after_id, limit)
    body = CommentList().dumps({"comments": found, "next_after_id": found[-1]["id"] if found else after_id})
    response = Response(body, mimetype="application/json")
    response.headers["Cache-Control"] = "public, max-age=5"
    response.add_etag()
    return response.make_conditional(request)


def _verdict(hall: str, texts: list[str]) -> filters.Verdict:
    with service().database.read() as connection:
        lists = word_lists.lists(connection, hall)
    verdicts = [filters.judge(text, lists["block"], lists["review"]) for text in texts]
    for status in ("rejected", "pending"):
        for verdict in verdicts:
            if verdict.status == status:
                return verdict
    return filters.Verdict("ok")


def _reject(verdict: filters.Verdict, field: str = "text") -> None:
    abort(422, message=verdict.reason, errors={"json": {field: [verdict.reason]}})


@blp.route("/halls/<hall>/comments", methods=["POST"])
@blp.doc(parameters=[VISITOR_ID_PARAMETER])
@blp.arguments(CommentIn)
@blp.response(201, CommentCreated)
@blp.alt_response(400, description="The honeypot field was filled in")
@blp.alt_response(404, description="Unknown hall or scene")
@blp.alt_response(
    409, description="The same text from the same visitor within 24 hours, or too often from one address"
)
@blp.alt_response(429, description="Too many comments; see Retry-After")
def post_comment(data: dict, hall: str):
    """Post a comment, pinned at a place in its scene when `position` is given; it is published at once only
    under post-moderation and when no filter objects."""
    settings = service().settings
    moderation = hall_or_404(hall, fresh=True)["moderation"]
    honeypot(data["website"])
    scene = data.get("scene")
    scene_or_404(hall, scene)
    position = data["position"] or {"yaw": None, "pitch": None}
    visitor = current_visitor()
    per_hall = settings.limits.hall_comments_per_minute
    limit(
        [
            (visitor_key(f"comment:{hall}"), settings.limits.comments_per_hour, 3600, "comments"),
            (
                address_key(f"comment:{hall}"),
                max(1, per_hall // rate_limits.ADDRESS_SHARE),
                60,
                "comments from your network",
            ),
            (f"comment:h:{hall}", per_hall, 60, "comments in this hall"),
        ]
    )
    nickname, text = data["nickname"].strip(), data["text"]
    with service().database.read() as connection:
        reserved_names = [*settings.reserved_nicknames, *users.usernames(connection)]
    if not nickname or filters.reserved(nickname, reserved_names):
        message = "This nickname is reserved for the organisers; please choose another."
        abort(422, message=message, errors={"json": {"nickname": [message]}})
    verdict = _verdict(hall, [text, nickname])
    if verdict.status == "rejected":
        _reject(verdict)
    text_hash = hashlib.sha256(text.strip().encode()).hexdigest()
    status = "pending" if verdict.status == "pending" or moderation == "pre" else "published"
    hashes = list(visitor.hashes_48h())  # before the write transaction: it may read yesterday's salt
    with service().database.write() as connection:
        since = utcnow() - timedelta(hours=24)
        if comments.duplicate_exists(connection, hashes, text_hash, since) or rate_limits.check(
            connection, f"same:a:{visitor.address}:{text_hash}", SAME_TEXT_PER_ADDRESS, 86400
        ):
            abort(409, message="You already posted this text.")
        comment = comments.add(
            connection,
            hall_id=hall,
            scene=scene,
            nickname=nickname,
            text=text,
            status=status,
            reason=verdict.reason,
            visitor=visitor.hash,
            text_hash=text_hash,
            yaw=position["yaw"],
            pitch=position["pitch"],
        )
    token = tokens.make(settings.secret_key, hall, comment["id"])
    return {"comment": comment, "edit_token": token}


def _own_comment(hall: str, comment_id: int) -> dict:
    with service().database.read() as connection:
        comment = comments.get(connection, comment_id)
    if comment is None or comment["hall_id"] != hall or comment["status"] not in EDITABLE:
        abort(404, message="There is no such comment.")
    try:
        tokens.check(service().settings.secret_key, request.headers.get("X-Edit-Token"), hall, comment_id)
    except tokens.TokenProblem as problem:
        abort(403, message=str(problem))
    return comment


@blp.route("/halls/<hall>/comments/<int(max=4611686018427387904):comment_id>", methods=["PATCH"])
@blp.arguments(CommentEditIn)
@blp.response(200, CommentEdited)
@blp.alt_response(403, description="Missing, wrong or expired X-Edit-Token")
@blp.alt_response(404, description="Unknown comment")
@blp.doc(
    parameters=[{"in": "header", "name": "X-Edit-Token", "required": True, "schema": {"type": "string"}}]
)
def edit_comment(data: dict, hall: str, comment_id: int):
    """Change one's own comment within 15 minutes, judged like a new comment: under pre-moderation it goes
    back to the queue (invisible until approved again), under post-moderation through the filters again."""
    moderation = hall_or_404(hall, fresh=True)["moderation"]
    comment = _own_comment(hall, comment_id)
    verdict = _verdict(hall, [data["text"], comment["nickname"]])
    if verdict.status == "rejected":
        _reject(verdict)
    status = "pending" if verdict.status == "pending" or moderation == "pre" else "published"
    text_hash = hashlib.sha256(data["text"].strip().encode()).hexdigest()
    with service().database.write() as connection:
        comments.edit(
            connection,
            comment_id,
            text=data["text"],
            status=status,
            reason=verdict.reason,
            text_hash=text_hash,
        )
        edited = comments.get(connection, comment_id)
    return {"comment": edited}


@blp.route("/halls/<hall>/comments/<int(max=4611686018427387904):comment_id>", methods=["DELETE"])
@blp.response(204)
@blp.alt_response(403, description="Missing, wrong or expired X-Edit-Token")
@blp.alt_response(404, description="Unknown comment")
@blp.doc(
    parameters=[{"in": "header", "name": "X-Edit-Token", "required": True, "schema": {"type": "string"}}]
)
def delete_comment(hall: str, comment_id: int):
    """Delete one's own comment within 15 minutes."""
    _own_comment(hall, comment_id)
    with service().database.write() as connection:
        comments.set_status(connection, [comment_id], "deleted")
