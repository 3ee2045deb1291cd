"""tour.json: everything the viewer needs, with relative URLs and a format version.

Every text becomes a map language -> text, so the viewer never guesses. The result is validated against
tour.schema.json on every build: a manifest that breaks the contract is a bug caught here, not on a phone.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from hallbuilder import __version__
from hallbuilder.builder.media import MediaStore
from hallbuilder.builder.panoramas import ScenePanorama
from hallbuilder.config import HallConfig
from hallbuilder.config.limits import manifest_limits
from hallbuilder.errors import BuildError

FORMAT = 1
FACE_TEMPLATE = "tiles/{level}/{face}/{row}_{col}.jpg"


SCHEMA_PATH = Path(__file__).with_name("tour.schema.json")  # a plain file: importlib.resources costs 7 ms


@cache
def tour_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text("utf-8"))


@cache
def tour_validator():
    """The schema's validator: jsonschema-rs, which imports in a fifth of the time of the Python jsonschema
    (0.07 s of CPU in every fresh build) and validates a tour in microseconds; the tests check built tours
    with the Python jsonschema as well, so two implementations agree on the contract."""
    return jsonschema_rs.Draft202012Validator(tour_schema())


def validate_manifest(tour: dict) -> None:
    errors = sorted(
        tour_validator().iter_errors(tour), key=lambda e: [(isinstance(p, str), p) for p in e.instance_path]
    )
    if errors:
        where = "/".join(str(part) for part in errors[0].instance_path)
        raise BuildError(f"internal error: tour.json breaks its schema at '{where}': {errors[0].message}")


def scene_folder(scene_id: str, panorama: ScenePanorama) -> str:
    return f"scenes/{scene_id}/{panorama.hash}"


def panorama_entry(scene_id: str, panorama: ScenePanorama) -> dict[str, Any]:
    folder = scene_folder(scene_id, panorama)
    return {
        "hash": panorama.hash,
        "width": panorama.width,
        "tileSize": panorama.tile_size,
        "levels": panorama.levels,
        "tiles": f"{folder}/{FACE_TEMPLATE}",
        "base": f"{folder}/base.jpg",
        "baseFaceSize": panorama.base_face_size,
        "thumb": f"{folder}/thumb.jpg",
        "preview": {**panorama.preview, "src": f"{folder}/{panorama.preview['src']}"},
    } | nadir_entry(folder, panorama)


def nadir_entry(folder: str, panorama: ScenePanorama) -> dict[str, str]:
    """With a nadir logo the bottom face and the base come from the logo's folder; the other faces do not."""
    if not panorama.nadir:
        return {}
    patched = f"{folder}/{panorama.nadir}"
    return {
        "bottomTiles": f"{patched}/{FACE_TEMPLATE}".replace("{face}", "bottom"),
        "base": f"{patched}/base.jpg",
    }


def hotspot_entry(config: HallConfig, scene_id: str, index: int, hotspot: dict, media: MediaStore) -> dict:
    titles = {scene["id"]: scene["title"] for scene in config.scenes}
    entry: dict[str, Any] = {
        "id": hotspot.get("id") or f"{scene_id}-{index}",
        "type": hotspot["type"],
        "yaw": hotspot["yaw"],
        "pitch": hotspot["pitch"],
    }
    if hotspot["type"] == "link":
        entry["target"] = hotspot["target"]
        entry["label"] = config.text(hotspot.get("label") or titles[hotspot["target"]])
    elif hotspot["type"] == "showcase":
        entry["branch"] = hotspot["branch"]
        if "label" in hotspot:
            entry["label"] = config.text(hotspot["label"])
    for key in ("title", "text"):
        if key in hotspot:
            entry[key] = config.text(hotspot[key])
    if hotspot["type"] == "info":
        entry["images"] = [media.image(path) for path in hotspot.get("images", [])]
        entry["video"] = media.video(hotspot["video"]) if hotspot.get("video") else None
    return entry


def music_entry(music: dict | None, media: MediaStore) -> dict | None:
    """tour.json's music: the converted file and its volume (the viewer loads it only after Enter)."""
    if not music:
        return None
    return {"src": media.audio(music["audio"])["audio"], "volume": music["volume"]}


def narration_entry(narration: dict, media: MediaStore, language: str) -> dict:
    entry: dict[str, Any] = {
        "audio": None,
        "duration": None,
        "transcript": narration.get("transcript"),
        "captions": None,
    }
    if narration.get("audio"):
        entry.update(media.audio(narration["audio"]))
    if entry["transcript"]:
        entry["captions"] = media.captions(entry["transcript"], entry["duration"], language)
    return entry


def scene_entry(config: HallConfig, scene: dict, panorama: ScenePanorama, media: MediaStore) -> dict:
    entry: dict[str, Any] = {
        "id": scene["id"],
        "title": config.text(scene["title"]),
        "zone": scene.get("zone"),
        "view": dict(scene["view"]),
        "north": scene["north"],
        "narration": {
            language: narration_entry(narration, media, language)
            for language, narration in scene["narration"].items()
        },
        "hotspots": [
            hotspot_entry(config, scene["id"], index, hotspot, media)
            for index, hotspot in enumerate(scene["hotspots"])
        ],
        "panorama": panorama_entry(scene["id"], panorama),
    }
    if "description" in scene:
        entry["description"] = config.text(scene["description"])
    if scene.get("branch"):
        entry["branch"] = scene["branch"]
    if music := music_entry(scene.get("music"), media):
        entry["music"] = music
    if limits := manifest_limits(config.data["hall"].get("limits"), scene.get("limits")):
        entry["limits"] = limits
    return entry


def hall_entry(config: HallConfig, media: MediaStore) -> dict:
    hall = config.data["hall"]
    entry: dict[str, Any] = {
        "id": hall["id"],
        "title": config.text(hall["title"]),
        "languages": list(config.languages),
        "start": config.start,
        "cover": media.image(hall["cover"]) if hall.get("cover") else None,
    }
    for key in ("subtitle", "description"):
        if key in hall:
            entry[key] = config.text(hall[key])
    if music := music_entry(hall.get("music"), media):
        entry["music"] = music
    if hall.get("url"):
        entry["url"] = hall["url"] if hall["url"].endswith("/") else hall["url"] + "/"
    return entry


def floorplan_entry(config: HallConfig, media: MediaStore) -> dict | None:
    plan = config.data.get("floorplan")
    if not plan:
        return None
    image = media.image(plan["image"])
    return {
        "image": image["src"],
        "width": image["width"],
        "height": image["height"],
        "points": plan["points"],
    }


def make_manifest(
    config: HallConfig,
    panoramas: dict[str, ScenePanorama],
    media: MediaStore,
    showcases: list[dict] | None = None,
) -> dict:
    data = config.data
    tour = {
        "format": FORMAT,
        "generator": f"hallbuilder {__version__}",
        "hall": hall_entry(config, media),
        "zones": [
            {"id": zone["id"], "title": config.text(zone["title"])}
            | ({"description": config.text(zone["description"])} if "description" in zone else {})
            for zone in data["zones"]
        ],
        "scenes": [scene_entry(config, scene, panoramas[scene["id"]], media) for scene in config.scenes],
        "floorplan": floorplan_entry(config, media),
        "announcements": [
            {
                "id": f"{item['date'].isoformat()}-{index}",
                "title": config.text(item["title"]),
                "text": config.text(item["text"]),
                "date": item["date"].isoformat(),
            }
            for index, item in enumerate(data["announcements"])
        ],
        "service": {"url": data["service"]["url"]} if data.get("service") else None,
        "showcases": showcases or [],
    }
    validate_manifest(tour)
    return tour
