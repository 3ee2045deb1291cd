"""docs/hall-yaml.md is generated from the schema's docs: `python -m hallbuilder.config.reference > docs/hall-yaml.md`.

Besides each key's text, the page says what the field itself checks (required or not, its range, its
default) and the media limits the build applies, read from the same objects, so the page cannot drift.
"""

from __future__ import annotations

from typing import Any

from marshmallow import fields, validate
from marshmallow.utils import missing

from hallbuilder import ids
from hallbuilder.config.fields import Angle, Id
from hallbuilder.config.schema import iter_documented_fields
from hallbuilder.media.settings import MediaSettings

INTRO = """# hall.yaml reference

Every key of `hall.yaml`, generated from the schema (`python -m hallbuilder.config.reference`).
Texts (title, subtitle, description, label, text) take one string or a map per language: `{zh-CN: ..., en: ...}`.
Inside `{ }` a comma ends a text, so put a text that contains a comma (or `: `) in quotes:
`text: {zh-CN: "展品一，展品二", en: "One, two"}`.
Paths are relative to hall.yaml and must stay inside the project. Angles are degrees: yaw 0 is the photo's
centre and right is positive (-180 to 360); pitch up is positive (-90 to 90).
Ids (of the hall, zones, scenes, hotspots, branches) use lower-case letters, digits and '-', start with a letter or
digit and have at most {max_id} characters (the hall service's limit).
A link's `target` is a scene of the hall or a room that a branch showcase adds (its scene id in showcase.yaml).

"Required" keys must be given whenever their group is there (a scene needs `id`, `title` and `photo`);
the others may be left out and take the default shown.

| key | required | what it is |
|---|---|---|
"""


def media_limits(settings: MediaSettings | None = None) -> str:
    """The limits the build applies to media files, as they are set in MediaSettings."""
    settings = settings or MediaSettings()
    megabytes = settings.max_video_bytes // 2**20
    return f"""
## Limits of media files

| file | limit |
|---|---|
| video (`video`) | at most {megabytes} MB and {settings.max_video_seconds / 60:g} minutes (longer or larger files are refused); converted to H.264/AAC MP4, scaled down to at most {settings.video_max_width} × {settings.video_max_height} pixels ({settings.video_max_height} × {settings.video_max_width} upright) and {settings.video_max_fps:g} frames per second |
| narration (`audio`) | at most {settings.max_narration_seconds / 60:g} minutes (longer is refused); converted to {settings.audio_bitrate // 1000} kbit/s M4A at one loudness ({settings.loudness_target:g} LUFS) |
| images (`cover`, `images`, floor plan) | at most {settings.max_image_pixels / 1e6:g} million pixels (larger is refused); served at widths {", ".join(map(str, settings.image_widths))} |

## The address for `hallbuilder qr`

Give `qr` (and `hall.url`) the address visitors open. On your own website or a CDN that is the folder,
e.g. `https://hall.example.org/red/`. For a tour opened straight from a bucket it is the `index.html` address
`publish` prints, e.g. `https://oss-cn-hangzhou.aliyuncs.com/my-bucket/halls/red/index.html`: a bucket does not
open `index.html` for a folder address. Scene and "scan to listen" codes are made from it either way.
"""


def shown(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(shown(item) for item in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def default_of(field: fields.Field) -> Any:
    """The default the schema fills in, when it is a plain value worth showing."""
    default = field.load_default
    if default is missing or default is None:
        return None
    value = default() if callable(default) else default
    if isinstance(value, dict) or value == []:
        return None
    return value


def checks_of(field: fields.Field) -> list[str]:
    """What the field itself checks, in words: its range, length or id rule."""
    facts: list[str] = []
    if isinstance(field, Angle):
        facts.append(f"{field.low:g} to {field.high:g}")
    if isinstance(field, Id):
        facts.append(f"an id of at most {ids.MAX_LENGTH} characters")
    for validator in field.validators:
        if isinstance(validator, validate.Range):
            facts.append(f"{validator.min:g} to {validator.max:g}")
        elif isinstance(validator, validate.Length) and validator.min:
            facts.append(f"at least {validator.min}")
        elif isinstance(validator, validate.OneOf):
            facts.append("one of " + ", ".join(map(str, validator.choices)))
    return facts


def row(path: str, field: fields.Field) -> str:
    required = "yes" if field.required else ""
    if field.metadata.get("required_when"):
        required = f"with `{field.metadata['required_when']}`"
    facts = checks_of(field)
    default = default_of(field)
    if default is not None:
        facts.append(f"default {shown(default)}")
    text = field.metadata.get("doc", "")
    if facts:
        text = f"{text.removesuffix('.')} ({'; '.join(facts)})."
    return f"| `{path}` | {required} | {text} |"


def reference() -> str:
    rows = [row(path, field) for path, field in iter_documented_fields()]
    return INTRO.replace("{max_id}", str(ids.MAX_LENGTH)) + "\n".join(rows) + "\n" + media_limits()


if __name__ == "__main__":
    print(reference(), end="")
