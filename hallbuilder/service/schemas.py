"""marshmallow schemas of every visitor request and response; the OpenAPI spec is generated from them."""

from __future__ import annotations

from datetime import UTC, datetime

from marshmallow import EXCLUDE, Schema, fields, validate

from hallbuilder import ids

ID = validate.Regexp(ids.ID, error=f"Use lower-case letters, digits and dashes (at most {ids.MAX_LENGTH}).")
# PostgreSQL text cannot hold U+0000: refused here with a clear 422 rather than a 500 from the database.
NO_NUL = validate.Regexp(r"^[^\x00]*$", error="Remove the NUL character (U+0000).")


class UtcDateTime(fields.DateTime):
    """Naive UTC times from the store, written as ISO 8601 with a `Z`."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class In(Schema):
    """Request bodies ignore unknown keys, so an older service still accepts a newer viewer."""

    class Meta:
        unknown = EXCLUDE


class CommentQuery(In):
    scene = fields.String(validate=ID, metadata={"description": "a scene id; without it, the whole hall"})
    after_id = fields.Integer(load_default=0, validate=validate.Range(min=0, max=2**62))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=100))


class CommentIn(In):
    nickname = fields.String(required=True, validate=[validate.Length(min=1, max=32), NO_NUL])
    text = fields.String(required=True, validate=[validate.Length(min=1, max=500), NO_NUL])
    scene = fields.String(allow_none=True, validate=ID)
    website = fields.String(load_default="", metadata={"description": "honeypot: leave empty"})


class CommentEditIn(In):
    text = fields.String(required=True, validate=[validate.Length(min=1, max=500), NO_NUL])


class Comment(Schema):
    id = fields.Integer(required=True)
    scene = fields.String(allow_none=True, required=True)
    nickname = fields.String(required=True)
    text = fields.String(required=True)
    created_at = UtcDateTime(required=True)


class CommentWithStatus(Comment):
    status = fields.String(required=True, validate=validate.OneOf(["pending", "published"]))


class CommentList(Schema):
    comments = fields.List(fields.Nested(Comment), required=True)
    next_after_id = fields.Integer(required=True)


class CommentCreated(Schema):
    comment = fields.Nested(CommentWithStatus, required=True)
    edit_token = fields.String(required=True)


class CommentEdited(Schema):
    comment = fields.Nested(CommentWithStatus, required=True)


class MessageIn(In):
    name = fields.String(required=True, validate=[validate.Length(min=1, max=64), NO_NUL])
    contact = fields.String(load_default="", validate=[validate.Length(max=200), NO_NUL])
    text = fields.String(required=True, validate=[validate.Length(min=1, max=2000), NO_NUL])
    website = fields.String(load_default="", metadata={"description": "honeypot: leave empty"})


class MessageReceived(Schema):
    status = fields.String(required=True)


class Announcement(Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    html = fields.String(required=True, metadata={"description": "sanitised HTML subset"})
    date = fields.Date(required=True)


class AnnouncementList(Schema):
    announcements = fields.List(fields.Nested(Announcement), required=True)


class ViewIn(In):
    scene = fields.String(required=True, validate=ID)
    visitor = fields.String(
        validate=validate.Length(max=64),
        metadata={
            "description": "the viewer's visitor id (32 lower-case hex digits) when the body is a beacon and "
            "cannot carry the X-Visitor-Id header; any other form is ignored"
        },
    )


class Counts(Schema):
    views = fields.Integer(required=True)
    visitors = fields.Integer(required=True)


class Stats(Counts):
    scenes = fields.Dict(keys=fields.String(), values=fields.Nested(Counts), required=True)


class ShowcaseCounts(Schema):
    likes = fields.Integer(required=True)
    views = fields.Integer(required=True)


class Showcases(Schema):
    showcases = fields.Dict(keys=fields.String(), values=fields.Nested(ShowcaseCounts), required=True)


class Liked(Schema):
    likes = fields.Integer(required=True, metadata={"description": "the branch's likes, all days"})
    liked = fields.Boolean(
        required=True, metadata={"description": "true only when this request added a like to `likes`"}
    )
    already = fields.Boolean(
        required=True,
        metadata={
            "description": "true when this visitor had already liked the branch today (nothing counted)"
        },
    )


class Health(Schema):
    status = fields.String(required=True)
