"""Write a hotspot placed in the viewer's edit mode into hall.yaml, keeping every comment and the layout.

The edited text is checked by the same loader as `hallbuilder check` before it replaces hall.yaml (atomically, with
the previous version kept as .hall.yaml.bak), so a save can never leave a hall.yaml that does not load.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from hallbuilder.config.load import CONFIG_NAME
from hallbuilder.config.project import load_hall
from hallbuilder.errors import ConfigError
from hallbuilder.ids import BODY

AUTO_ID = re.compile(rf"^(?P<scene>{BODY})-(?P<index>\d+)$")
PLACEHOLDER_TITLE = {"zh": "新热点", "en": "New hotspot"}


def find_hotspot(scene: dict, hotspot_id: str | None) -> dict | None:
    """A hotspot by its id, or by the id the build gives one without (`<scene>-<position>`)."""
    hotspots = scene.get("hotspots") or []
    for hotspot in hotspots:
        if hotspot_id and hotspot.get("id") == hotspot_id:
            return hotspot
    match = AUTO_ID.match(hotspot_id or "")
    if match and match["scene"] == scene.get("id") and int(match["index"]) < len(hotspots):
        candidate = hotspots[int(match["index"])]
        return candidate if "id" not in candidate else None
    return None


def new_hotspot(change: dict[str, Any], default_language: str) -> CommentedMap:
    hotspot = CommentedMap(type=change["type"])
    if change["type"] == "link":
        hotspot["target"] = change["target"]
    hotspot["yaw"], hotspot["pitch"] = change["yaw"], change["pitch"]
    if change["type"] == "info":
        hotspot["title"] = PLACEHOLDER_TITLE.get(default_language.split("-")[0], PLACEHOLDER_TITLE["en"])
    hotspot.fa.set_flow_style()
    return hotspot


def round_trip_parser(text: str) -> YAML:
    """A ruamel parser that writes the file back as staff wrote it: their list indentation, no wrapping."""
    parser = YAML(typ="rt")
    parser.preserve_quotes = True
    parser.width = 4096
    first_item = re.search(r"^[a-z_]+:[^\n]*\n(?:\s*#[^\n]*\n)*( *)- ", text, re.MULTILINE)
    offset = len(first_item.group(1)) if first_item else 2
    parser.indent(mapping=2, sequence=offset + 2, offset=offset)
    return parser


def save_hotspot(project_dir: Path, change: dict[str, Any]) -> str:
    """Move an existing hotspot (by id) or add a new one; return what was done, for the viewer to show."""
    config_path = project_dir / CONFIG_NAME
    text = config_path.read_text("utf-8")
    parser = round_trip_parser(text)
    document = parser.load(text)
    scenes = [scene for scene in document.get("scenes") or [] if scene.get("id") == change["scene"]]
    if not scenes:
        raise ConfigError(
            f"{CONFIG_NAME}: no scene '{change['scene']}' (a branch's room is edited in its showcase.yaml)"
        )
    scene = scenes[0]
    existing = find_hotspot(scene, change.get("id"))
    if existing is not None:
        existing["yaw"], existing["pitch"] = change["yaw"], change["pitch"]
        done = f"moved hotspot {change.get('id')} in scene {change['scene']}"
    else:
        languages = (document.get("hall") or {}).get("languages") or ["zh-CN"]
        if "hotspots" not in scene or scene["hotspots"] is None:
            scene["hotspots"] = []
        scene["hotspots"].append(new_hotspot(change, languages[0]))
        article = "an" if change["type"][:1] in "aeiou" else "a"
        done = f"added {article} {change['type']} hotspot to scene {change['scene']}"
    buffer = io.StringIO()
    parser.dump(document, buffer)
    replace_checked(config_path, buffer.getvalue())
    return done


def without_line(problem: str) -> str:
    """'hall.yaml:25 scenes[0].photo: …' → 'scenes[0].photo: …': the same problem after an edit moved lines."""
    return re.sub(r"^\S+?:\d+ ", "", problem)


def replace_checked(config_path: Path, text: str, already: Collection[str] = ()) -> None:
    """Replace hall.yaml with `text` only if the whole project still loads; keep the old one as .hall.yaml.bak.

    `already`: the problems hall.yaml has now (a photo deleted outside the studio, say). A text that adds none
    to them is written all the same, so a broken hall.yaml can be mended one save at a time.
    """
    candidate = config_path.with_name(".hall-edit.yaml")
    candidate.write_text(text, "utf-8")
    try:
        load_hall(candidate)
    except ConfigError as error:
        known = {without_line(problem) for problem in already}
        if not known or any(without_line(problem) not in known for problem in error.problems):
            candidate.unlink()
            raise
    backup = config_path.with_name(".hall.yaml.bak")
    backup.write_bytes(config_path.read_bytes())
    os.replace(candidate, config_path)
