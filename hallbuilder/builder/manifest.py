"""tour.json: everything the viewer needs, with relative URLs and a format version.

Every text becomes a map language -> text, so the viewer never guesses. The result is validated against
tour.schema.json on every build: a manifest that breaks the contract is a bug caught here, not on a phone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from hallbuilder import __version__
from hallbuilder.builder.media import MediaStore
from hallbuilder.builder.panoramas import ScenePanorama
from hallbuilder.config.limits import manifest_limits
from hallbuilder.config.model import (
    Announcement,
    FloorPlan,
    Hall,
    Hotspot,
    InfoHotspot,
    LinkHotspot,
    Music,
    Narration,
    Scene,
    ShowcaseHotspot,
    Texts,
    Zone,
)
from hallbuilder.errors import BuildError

FORMAT = 1
FACE_TEMPLATE = "tiles/{level}/{face}/{row}_{col}.jpg"


SCHEMA_PATH = Path(__file__).with_name("tour.schema.json")  # a plain file: importlib.resources costs 7 ms


@cache
def tour_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text("utf-8"))


@cache
def tour_validator() -> jsonschema_rs.Draft202012Validator:
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


def optional_texts(entry: dict[str, Any], **values: Texts | None) -> None:
    """Add each text that is given (tour.json leaves out the keys hall.yaml leaves out)."""
    for key, value in values.items():
        if value is not None:
            entry[key] = dict(value)


def hotspot_entry(hotspot: Hotspot, titles: dict[str, Texts], media: MediaStore) -> dict[str, Any]:
    """`titles`: every scene's title by id (a link without a label is labelled with its target's title)."""
    entry: dict[str, Any] = {
        "id": hotspot.id,
        "type": hotspot.type,
        "yaw": hotspot.yaw,
        "pitch": hotspot.pitch,
    }
    if isinstance(hotspot, LinkHotspot):
        entry["target"] = hotspot.target
        entry["label"] = dict(hotspot.label or titles[hotspot.target])
    elif isinstance(hotspot, ShowcaseHotspot):
        entry["branch"] = hotspot.branch
        optional_texts(entry, label=hotspot.label)
    optional_texts(entry, title=hotspot.title, text=hotspot.text)
    if isinstance(hotspot, InfoHotspot):
        entry["images"] = [media.image(image.path) for image in hotspot.images]
        entry["video"] = media.video(hotspot.video.path) if hotspot.video else None
    return entry


def music_entry(music: Music | None, media: MediaStore) -> dict[str, Any] | None:
    """tour.json's music: the converted file and its volume (the viewer loads it only after Enter)."""
    if not music:
        return None
    return {"src": media.audio(music.audio.path)["audio"], "volume": music.volume}


def narration_entry(narration: Narration, media: MediaStore) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "audio": None,
        "duration": None,
        "transcript": narration.transcript,
        "captions": None,
    }
    if narration.audio:
        entry.update(media.audio(narration.audio.path))
    if entry["transcript"]:
        entry["captions"] = media.captions(entry["transcript"], entry["duration"], narration.language)
    return entry


def scene_entry(
    scene: Scene,
    panorama: ScenePanorama,
    titles: dict[str, Texts],
    media: MediaStore,
    hall_limits: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    view = scene.view
    entry: dict[str, Any] = {
        "id": scene.id,
        "title": dict(scene.title),
        "zone": scene.zone,
        "view": {"yaw": view.yaw, "pitch": view.pitch, "fov": view.fov},
        "north": scene.north,
        "narration": {
            language: narration_entry(narration, media) for language, narration in scene.narration.items()
        },
        "hotspots": [hotspot_entry(hotspot, titles, media) for hotspot in scene.hotspots],
        "panorama": panorama_entry(scene.id, panorama),
    }
    optional_texts(entry, description=scene.description)
    if music := music_entry(scene.music, media):
        entry["music"] = music
    if limits := manifest_limits(hall_limits, scene.limits):
        entry["limits"] = limits
    if scene.branch:
        entry["branch"] = scene.branch
    return entry


def hall_entry(hall: Hall, media: MediaStore) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": hall.id,
        "title": dict(hall.title),
        "languages": list(hall.languages),
        "start": hall.start,
        "cover": media.image(hall.cover.path) if hall.cover else None,
    }
    optional_texts(entry, subtitle=hall.subtitle, description=hall.description)
    if music := music_entry(hall.music, media):
        entry["music"] = music
    if hall.url:
        entry["url"] = hall.url if hall.url.endswith("/") else hall.url + "/"
    return entry


def zone_entry(zone: Zone) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": zone.id, "title": dict(zone.title)}
    optional_texts(entry, description=zone.description)
    return entry


def largest_webp(image: dict[str, Any]) -> str:
    """The image's full-size WebP (else its JPEG): the floor plan loads before the tour is live, and a drawing is
    far smaller in WebP (the sample hall's: 1.2 kB against 9.7 kB). Every browser the tour supports decodes it."""
    webp = [item for item in image.get("srcset", []) if item.get("type") == "image/webp"]
    return max(webp, key=lambda item: item["width"])["src"] if webp else image["src"]


def floorplan_entry(plan: FloorPlan | None, media: MediaStore) -> dict[str, Any] | None:
    if plan is None:
        return None
    image = media.image(plan.image.path)
    return {
        "image": largest_webp(image),
        "width": image["width"],
        "height": image["height"],
        "points": {scene_id: {"x": point.x, "y": point.y} for scene_id, point in plan.points.items()},
    }


def announcement_entry(index: int, item: Announcement) -> dict[str, Any]:
    return {
        "id": f"{item.date.isoformat()}-{index}",
        "title": dict(item.title),
        "text": dict(item.text),
        "date": item.date.isoformat(),
    }


def make_manifest(
    hall: Hall,
    panoramas: dict[str, ScenePanorama],
    media: MediaStore,
    showcases: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """tour.json for `hall`; `showcases`: the branches' entries (showcases.py), checked with the rest."""
    titles = {scene.id: scene.title for scene in hall.scenes}
    tour = {
        "format": FORMAT,
        "generator": f"hallbuilder {__version__}",
        "hall": hall_entry(hall, media),
        "zones": [zone_entry(zone) for zone in hall.zones],
        "scenes": [
            scene_entry(scene, panoramas[scene.id], titles, media, hall.limits) for scene in hall.scenes
        ],
        "floorplan": floorplan_entry(hall.floorplan, media),
        "announcements": [announcement_entry(index, item) for index, item in enumerate(hall.announcements)],
        "service": {"url": hall.service_url} if hall.service_url else None,
        "showcases": showcases or [],
    }
    validate_manifest(tour)
    return tour
