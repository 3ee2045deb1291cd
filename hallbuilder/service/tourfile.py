"""What the service learns from a tour.json (file or URL): the hall id and title, scenes and branches.

The service never imports the build; it reads only the few keys of the tour.json contract it needs.
"""

from __future__ import annotations

import json
import unicodedata
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from hallbuilder.errors import ServiceError
from hallbuilder.ids import MAX_LENGTH, is_id


def read(source: str) -> tuple[dict[str, Any], str]:
    """The parsed tour.json and where it came from (a path or an http(s) URL)."""
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=15) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            raise ServiceError(
                f"{source}: cannot download tour.json (HTTP {error.code}); check the address"
            ) from None
        except (urllib.error.URLError, TimeoutError) as error:
            reason = getattr(error, "reason", error)
            raise ServiceError(f"{source}: cannot download tour.json ({reason}); check the address") from None
    else:
        path = Path(source)
        if path.is_dir():
            path = path / "tour.json"
        if not path.is_file():
            raise ServiceError(f"{path}: no such file; give the tour.json of a built hall (dist/tour.json)")
        raw = path.read_bytes()
        source = str(path)
    try:
        return json.loads(raw), source
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ServiceError(f"{source}: not valid JSON ({error}); rebuild the hall") from None


def _pick(value: Any, languages: list[str], fallback: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and value:
        for language in languages:
            if isinstance(value.get(language), str):
                return value[language]
        return str(next(iter(value.values())))
    return fallback


def _text(value: Any, languages: list[str], fallback: str, where: str, source: str) -> str:
    """A language -> text map shown in the first language that has it; control characters refused."""
    text = _pick(value, languages, fallback)
    for position, ch in enumerate(text, start=1):
        if unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n\r":
            raise ServiceError(
                f"{source}: {where}: the text has a control character (U+{ord(ch):04X}) at character "
                f"{position}; remove it from hall.yaml and rebuild the hall"
            )
    return text


def _id(value: Any, where: str, source: str) -> str:
    if not is_id(value):
        raise ServiceError(
            f"{source}: {where}: expected an id of lower-case letters, digits and dashes "
            f"(at most {MAX_LENGTH}), "
            f"got {value!r}; rebuild the hall"
        )
    return value


def hall_from_tour(tour: Any, source: str) -> dict[str, Any]:
    """`{"id", "title", "tour_url", "scenes": [{"id", "title"}], "branches": [{"id", "name"}]}`."""
    if not isinstance(tour, dict) or not isinstance(tour.get("hall"), dict):
        raise ServiceError(f"{source}: missing the 'hall' object; is this a hallbuilder tour.json?")
    hall = tour["hall"]
    languages = [lang for lang in hall.get("languages") or [] if isinstance(lang, str)]
    hall_id = _id(hall.get("id"), "hall.id", source)
    scenes = tour.get("scenes")
    if not isinstance(scenes, list) or not scenes:
        raise ServiceError(f"{source}: scenes: expected a list of at least one scene; rebuild the hall")
    scene_rows: list[dict[str, str]] = []
    branches: dict[str, str] = {}
    for index, scene in enumerate(scenes):
        scene = scene if isinstance(scene, dict) else {}
        scene_id = _id(scene.get("id"), f"scenes[{index}].id", source)
        title = _text(scene.get("title"), languages, scene_id, f"scenes[{index}].title", source)
        scene_rows.append({"id": scene_id, "title": title})
        for spot_index, spot in enumerate(scene.get("hotspots") or []):
            if isinstance(spot, dict) and spot.get("type") == "showcase":
                where = f"scenes[{index}].hotspots[{spot_index}].branch"
                branch = _id(spot.get("branch"), where, source)
                branches.setdefault(branch, branch)
    for index, showcase in enumerate(tour.get("showcases") or []):
        showcase = showcase if isinstance(showcase, dict) else {}
        branch = _id(showcase.get("id"), f"showcases[{index}].id", source)
        branches[branch] = _text(showcase.get("name"), languages, branch, f"showcases[{index}].name", source)
    return {
        "id": hall_id,
        "title": _text(hall.get("title"), languages, hall_id, "hall.title", source),
        "tour_url": source,
        "scenes": scene_rows,
        "branches": [{"id": key, "name": name} for key, name in sorted(branches.items())],
    }
