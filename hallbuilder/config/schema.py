"""The hall.yaml schema, declared once. Each field's `doc` is the documentation (docs/hall-yaml.md is made from it).

Shape checks live here; checks that need the whole document or the disk (ids, targets, files, languages) live in
`checks.py`, so every problem of both kinds can be collected and shown together.
"""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from hallbuilder.config.fields import Angle, Id, Photo, ProjectPath, Text
from hallbuilder.config.limits import LIMITS_DOC

HOTSPOT_TYPES = ("link", "info", "showcase")
PHOTO_DOC = (
    "The 360° photo: an equirectangular 2:1 file (JPEG, PNG, TIFF or WebP), or six cube faces, tiled as they are: "
    "a folder (e.g. photos/lobby) of six files named by face (front, right, back, left, up, down, or f, r, b, l, "
    "u, d; the last word of the name counts, e.g. lobby_u.jpg), or a list of the six files in that order "
    "(Pannellum's cubeMap order; give numbered faces such as face0 ... face5 this way). Faces are square, all "
    "one size (at least 326 px; 2600 or more looks sharp), seen from inside the cube, upright and not "
    "mirrored; the up face's bottom edge meets the front face's top edge and the down face's top edge meets "
    "the front face's bottom edge (the convention of krpano, Pannellum and Marzipano). Names px/nx/py/ny/pz/nz "
    "are refused, as tools turn those faces differently: rename them."
)


def doc(text: str, required_when: str | None = None, **kwargs: Any) -> dict[str, Any]:
    """A field's documentation; `required_when` names the case that needs the key (e.g. "type: link")."""
    metadata = {"doc": text} | ({"required_when": required_when} if required_when else {})
    return {"metadata": metadata, **kwargs}


class StrictSchema(Schema):
    class Meta:
        unknown = RAISE


class LimitsSchema(StrictSchema):
    """View limits; checked against each other (after merging the hall's and a scene's) in limits.py."""

    min_fov = Angle(10, 120, **doc("Narrowest vertical field of view visitors can zoom in to (default 30)."))
    max_fov = Angle(10, 120, **doc("Widest vertical field of view visitors can zoom out to (default 100)."))
    min_pitch = Angle(
        -90,
        90,
        **doc(
            "Lowest angle visitors can see: the bottom edge of the view (default -90, straight down); "
            "e.g. -40 keeps a messy floor out of sight."
        ),
    )
    max_pitch = Angle(
        -90,
        90,
        **doc(
            "Highest angle visitors can see: the top edge of the view (default 90, straight up); "
            "e.g. 35 keeps a messy ceiling out of sight."
        ),
    )


class MusicSchema(StrictSchema):
    audio = ProjectPath(
        required=True,
        **doc(
            "Background music (mp3, m4a, aac, wav, ogg, opus, flac), played in a loop once the visitor has "
            "pressed Enter, softer while narration or a video plays; visitors can turn it off."
        ),
    )
    volume = fields.Float(
        load_default=0.4,
        validate=validate.Range(0.05, 1, error="{input} is out of range; expected 0.05 to 1"),
        **doc("How loud, from 0.05 to 1 (narration plays at 1)."),
    )


class NadirSchema(StrictSchema):
    logo = ProjectPath(
        required=True,
        **doc(
            "The organisation's round logo (PNG with transparency, JPEG or WebP), patched over the tripod at "
            "the bottom of the scenes when the tiles are made; cut to a circle."
        ),
    )
    size = Angle(
        5,
        90,
        load_default=30.0,
        **doc("Width of the logo in degrees as seen from the camera (30 covers a usual tripod)."),
    )
    scenes = fields.List(Id(), **doc("The scenes that get the logo (default: every scene)."))


class HallSchema(StrictSchema):
    id = Id(required=True, **doc("Identifier of the hall, used in URLs and by the service."))
    title = Text(required=True, **doc("Name of the hall shown on the cover and in shares."))
    subtitle = Text(**doc("Second line under the title."))
    description = Text(**doc("One or two sentences for the cover page and share cards."))
    languages = fields.List(
        fields.String(
            validate=validate.Regexp(
                r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                error="'{input}' is not a language code (use zh-CN, en, yue ...)",
            )
        ),
        load_default=lambda: ["zh-CN"],
        validate=validate.Length(min=1, error="list at least one language"),
        **doc(
            "Languages of texts and narration; the first is the default. Dialects such as yue or hak are fine."
        ),
    )
    start = Id(**doc("Scene the tour starts in (default: the first scene)."))
    cover = ProjectPath(**doc("Image for the cover page and share cards (optional)."))
    url = fields.String(
        validate=validate.Regexp(
            r"^https?://[^\s/]+(/\S*)?$",
            error="'{input}' is not a web address; write e.g. https://hall.example.org/",
        ),
        **doc(
            "The public address visitors open (optional): makes share cards absolute and is the default for "
            "`qr`. For a tour opened straight from a bucket, give its index.html address "
            "(https://ENDPOINT/BUCKET/PREFIX/index.html): a bucket does not open index.html for a folder."
        ),
    )
    limits = fields.Nested(LimitsSchema, **doc(LIMITS_DOC))
    nadir = fields.Nested(
        NadirSchema, **doc("A logo over the tripod at the bottom of the scenes (optional).")
    )
    music = fields.Nested(MusicSchema, **doc("Background music for the whole hall (optional)."))


class ZoneSchema(StrictSchema):
    id = Id(required=True, **doc("Identifier of the zone."))
    title = Text(required=True, **doc("Name of the zone shown in the scene list."))
    description = Text(**doc("Short description of the zone."))


class ViewSchema(StrictSchema):
    yaw = Angle(
        -180,
        360,
        load_default=0.0,
        **doc("Initial horizontal angle in degrees; 0 is the photo's centre, right is positive."),
    )
    pitch = Angle(-90, 90, load_default=0.0, **doc("Initial vertical angle in degrees; up is positive."))
    fov = Angle(
        30, 120, load_default=75.0, **doc("Initial vertical field of view in degrees; smaller zooms in.")
    )


class NarrationSchema(StrictSchema):
    audio = ProjectPath(**doc("Narration audio (mp3, m4a, aac, wav, ogg, opus, flac) in this language."))
    transcript = fields.String(**doc("What the narration says, shown as text and captions."))

    @validates_schema
    def needs_something(self, data: dict, **kwargs: Any) -> None:
        if not data:
            raise ValidationError("give an audio file, a transcript, or both")


class HotspotSchema(StrictSchema):
    type = fields.String(
        required=True,
        validate=validate.OneOf(
            HOTSPOT_TYPES, error="unknown hotspot type '{input}'; expected one of: {choices}"
        ),
        **doc("link (walk to another scene), info (text, photos, video) or showcase (a branch's showcase)."),
    )
    id = Id(**doc("Identifier of the hotspot (optional; made from the scene id and position)."))
    yaw = Angle(
        -180,
        360,
        required=True,
        **doc("Horizontal angle in degrees (the edit mode of `hallbuilder serve` shows it)."),
    )
    pitch = Angle(-90, 90, required=True, **doc("Vertical angle in degrees."))
    target = Id(
        **doc("link: the scene to walk to: a scene id of the hall or a branch room's id.", "type: link")
    )
    label = Text(**doc("link: the label under the arrow (default: the target scene's title)."))
    title = Text(**doc("info: the panel's title (an info hotspot needs a title, text, images or a video)."))
    text = Text(**doc("info: the panel's text."))
    images = fields.List(ProjectPath(), **doc("info: photos shown in the panel."))
    video = ProjectPath(
        **doc("info: a video shown in the panel (MP4, MOV, M4V or WebM; see the limits below).")
    )
    branch = Id(
        **doc("showcase: the branch whose showcase opens (a folder showcases/<branch>/).", "type: showcase")
    )

    @validates_schema
    def fits_type(self, data: dict, **kwargs: Any) -> None:
        kind = data.get("type")
        needed = {"link": "target", "showcase": "branch"}.get(kind or "")
        if needed and needed not in data:
            raise ValidationError({needed: [f"required for a {kind} hotspot"]})
        if kind == "info" and not any(key in data for key in ("title", "text", "images", "video")):
            raise ValidationError({"title": ["an info hotspot needs a title, text, images or a video"]})


class SceneSchema(StrictSchema):
    id = Id(required=True, **doc("Identifier of the scene, used in links and deep links."))
    title = Text(required=True, **doc("Name of the scene."))
    description = Text(**doc("Short description shown in the scene list."))
    zone = Id(**doc("The zone the scene belongs to (an id from `zones`)."))
    photo = Photo(required=True, **doc(PHOTO_DOC))
    view = fields.Nested(
        ViewSchema,
        load_default=lambda: {"yaw": 0.0, "pitch": 0.0, "fov": 75.0},
        **doc("Initial view: yaw, pitch, fov in degrees."),
    )
    north = Angle(
        -360, 360, load_default=0.0, **doc("Degrees from the photo centre to north (map and compass).")
    )
    narration = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(NarrationSchema),
        load_default=dict,
        **doc("Narration per language: {zh-CN: {audio: ..., transcript: ...}}."),
    )
    hotspots = fields.List(fields.Nested(HotspotSchema), load_default=list, **doc("Hotspots in this scene."))
    music = fields.Nested(
        MusicSchema, **doc("This scene's own background music, instead of the hall's (optional).")
    )
    limits = fields.Nested(
        LimitsSchema, **doc("This scene's view limits, overriding `hall.limits` key by key (optional).")
    )


class PointSchema(StrictSchema):
    x = fields.Float(required=True, allow_nan=False, **doc("Pixels from the left of the floor-plan image."))
    y = fields.Float(required=True, allow_nan=False, **doc("Pixels from the top of the floor-plan image."))


class FloorplanSchema(StrictSchema):
    image = ProjectPath(required=True, **doc("The floor-plan image (PNG, JPEG or WebP)."))
    points = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(PointSchema),
        load_default=dict,
        **doc("Where each scene is on the plan: {scene-id: {x: ..., y: ...}}."),
    )


class AnnouncementSchema(StrictSchema):
    title = Text(required=True, **doc("Headline of the announcement."))
    text = Text(required=True, **doc("Body of the announcement."))
    date = fields.Date(required=True, **doc("Date, written 2026-11-01."))


class ServiceSchema(StrictSchema):
    url = fields.String(
        required=True,
        validate=validate.Regexp(
            r"^(https?://[^\s/]+(/\S*)?|/\S*)$",
            error="'{input}' is not a web address; write e.g. https://example.org/api",
        ),
        **doc(
            "Address of the hall service API (comments, messages, view counts), e.g. https://example.org/api."
        ),
    )


class BuildSettingsSchema(StrictSchema):
    tile_size = fields.Integer(
        load_default=512, validate=validate.Range(512, 1024), **doc("Tile edge in pixels.")
    )
    quality = fields.Integer(
        load_default=82, validate=validate.Range(50, 95), **doc("JPEG quality of the tiles.")
    )


class HallConfigSchema(StrictSchema):
    hall = fields.Nested(HallSchema, required=True, **doc("The hall itself."))
    zones = fields.List(
        fields.Nested(ZoneSchema), load_default=list, **doc("Themed zones that group scenes.")
    )
    scenes = fields.List(
        fields.Nested(SceneSchema),
        required=True,
        validate=validate.Length(min=1, error="list at least one scene"),
        **doc("The panoramas of the hall."),
    )
    floorplan = fields.Nested(
        FloorplanSchema, allow_none=True, load_default=None, **doc("A floor plan (optional).")
    )
    announcements = fields.List(
        fields.Nested(AnnouncementSchema), load_default=list, **doc("Announcements shown in the tour.")
    )
    service = fields.Nested(
        ServiceSchema,
        allow_none=True,
        load_default=None,
        **doc("The hall service for comments, messages and view counts (optional)."),
    )
    build = fields.Nested(
        BuildSettingsSchema,
        load_default=lambda: {"tile_size": 512, "quality": 82},
        **doc("Tiling settings (optional)."),
    )


def iter_documented_keys(schema: Schema | None = None, prefix: str = "") -> list[tuple[str, str]]:
    """Every key path with its doc, depth first: [('hall', ...), ('hall.id', ...), ...]."""
    return [(path, field.metadata.get("doc", "")) for path, field in iter_documented_fields(schema, prefix)]


def iter_documented_fields(schema: Schema | None = None, prefix: str = "") -> list[tuple[str, fields.Field]]:
    """Every key path with its field, depth first, so docs can say what the field itself checks."""
    schema = schema or HallConfigSchema()
    keys: list[tuple[str, fields.Field]] = []
    for name, field in schema.fields.items():
        path = f"{prefix}{name}"
        keys.append((path, field))
        inner = field
        if isinstance(field, fields.List):
            inner = field.inner
        elif isinstance(field, fields.Dict) and field.value_field is not None:
            inner = field.value_field
        if isinstance(inner, fields.Nested):
            nested = inner.schema
            keys.extend(iter_documented_fields(nested, f"{path}."))
    return keys
