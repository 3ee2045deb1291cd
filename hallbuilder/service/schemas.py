"""marshmallow schemas of every visitor request and response; the OpenAPI spec is generated from them."""

from __future__ import annotations

from datetime import UTC, datetime

from marshmallow import EXCLUDE, Schema, ValidationError, fields, pre_dump, validate, validates_schema

from hallbuilder import ids
from hallbuilder.service.guard.text import has_controls, visible

ID = validate.Regexp(ids.ID, error=f"Use lower-case letters, digits and dashes (at most {ids.MAX_LENGTH}).")


class UtcDateTime(fields.DateTime):
    """Naive UTC times from the store, written as ISO 8601 with a `Z`."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class VisibleString(fields.String):
    """Text a visitor typed, as stored: invisible characters (zero-width, bidi controls, Hangul fillers)
    removed before the length is checked; control characters such as NUL refused (PostgreSQL cannot store NUL);
    blank text refused unless `blank=True`.
    """

    def __init__(self, *args, blank: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.blank = blank

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if has_controls(text):
            raise ValidationError(
                "Remove the control characters (such as NUL) from this text and send again."
            )
        text = visible(text)
        if not self.blank and not text.strip():
            raise ValidationError(
                "Write something others can see: this is empty or only invisible characters."
            )
        return text


class In(Schema):
    """Request bodies ignore unknown keys, so an older service still accepts a newer viewer."""

    class Meta:
        unknown = EXCLUDE


class CommentQuery(In):
    scene = fields.String(validate=ID, metadata={"description": "a scene id; without it, the whole hall"})
    after_id = fields.Integer(load_default=0, validate=validate.Range(min=0, max=2**62))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=100))


class Position(Schema):
    """Where in its scene a comment is pinned: the view's centre when the visitor wrote it, in degrees."""

    yaw = fields.Float(required=True, validate=validate.Range(min=-180, max=180))
    pitch = fields.Float(required=True, validate=validate.Range(min=-90, max=90))


class PositionIn(Position, In):
    pass


class CommentIn(In):
    nickname = VisibleString(required=True, validate=validate.Length(min=1, max=32))
    text = VisibleString(required=True, validate=validate.Length(min=1, max=500))
    scene = fields.String(allow_none=True, validate=ID)
    position = fields.Nested(
        PositionIn,
        allow_none=True,
        load_default=None,
        metadata={"description": "pins the comment at this place in `scene` (needs a scene)"},
    )
    website = fields.String(load_default="", metadata={"description": "honeypot: leave empty"})

    @validates_schema
    def _pinned_needs_a_scene(self, data, **kwargs):
        if data.get("position") and not data.get("scene"):
            raise ValidationError(
                "A pinned comment needs the scene it is pinned in: send `scene` too.", "position"
            )


class CommentEditIn(In):
    text = VisibleString(required=True, validate=validate.Length(min=1, max=500))


class Comment(Schema):
    id = fields.Integer(required=True)
    scene = fields.String(allow_none=True, required=True)
    nickname = fields.String(required=True)
    text = fields.String(required=True)
    created_at = UtcDateTime(required=True)
    position = fields.Nested(
        Position, allow_none=True, required=True, metadata={"description": "null when not pinned"}
    )

    @pre_dump
    def _position_from_columns(self, comment, **kwargs):
        """The store keeps `yaw` and `pitch` as columns; the API shows them together, or null."""
        pinned = comment.get("yaw") is not None and comment.get("pitch") is not None
        return {**comment, "position": {"yaw": comment["yaw"], "pitch": comment["pitch"]} if pinned else None}


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
    name = VisibleString(required=True, validate=validate.Length(min=1, max=64))
    contact = VisibleString(load_default="", blank=True, validate=validate.Length(max=200))
    text = VisibleString(required=True, validate=validate.Length(min=1, max=2000))
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
