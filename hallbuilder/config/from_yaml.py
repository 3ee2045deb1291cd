"""Checked hall.yaml and showcase.yaml data → the hall model (model.py), once, with each item's file and line.

Texts become maps language → text here (a plain string is in the hall's default language), paths in a
showcase.yaml become project-relative, and a branch's rooms become scenes of the hall in the `showcases` zone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from hallbuilder.config.model import (
    Achievement,
    Announcement,
    BuildSettings,
    FloorPlan,
    Hall,
    Hotspot,
    InfoHotspot,
    LinkHotspot,
    MediaFile,
    MediaKind,
    Music,
    Nadir,
    Narration,
    Photo,
    Point,
    Scene,
    Showcase,
    ShowcaseHotspot,
    Texts,
    View,
    Where,
    Zone,
)
from hallbuilder.config.showcase import SHOWCASES_DIR, ShowcaseFile
from hallbuilder.config.showcase_checks import ZONE
from hallbuilder.config.source import KeyPath, YamlSource

ZONE_TITLE = {"zh-CN": "分支展厅", "en": "Branch showcases"}  # the zone of the branches' rooms


def frozen(mapping: dict) -> Mapping:
    """A read-only view of a fresh copy: the model's maps cannot be changed behind its back."""
    return MappingProxyType(dict(mapping))


def texts(value: str | dict[str, str] | None, default_language: str) -> Texts | None:
    """A text as a map language → text (a plain string is in the default language)."""
    if value is None:
        return None
    return frozen(value if isinstance(value, dict) else {default_language: value})


@dataclass(frozen=True)
class Reader:
    """One checked YAML file being turned into model items: where each is, its texts, its files."""

    source: YamlSource
    default_language: str
    folder: str = ""  # "showcases/<branch>/": what makes a showcase.yaml's paths project-relative

    def where(self, *path: str | int) -> Where:
        return Where(self.source.name, self.source.line_of(path), path)

    def text(self, value: str | dict[str, str]) -> Texts:
        return frozen(value if isinstance(value, dict) else {self.default_language: value})

    def texts(self, value: str | dict[str, str] | None) -> Texts | None:
        return texts(value, self.default_language)

    def media(self, relative: str, kind: MediaKind, *path: str | int) -> MediaFile:
        return MediaFile(f"{self.folder}{relative}", kind, self.where(*path))

    def optional_media(self, relative: str | None, kind: MediaKind, *path: str | int) -> MediaFile | None:
        return None if relative is None else self.media(relative, kind, *path)


def make_hotspot(read: Reader, scene_id: str, data: dict[str, Any], at: KeyPath) -> Hotspot:
    index = at[-1]
    common: dict[str, Any] = {
        "id": data.get("id") or f"{scene_id}-{index}",
        "yaw": data["yaw"],
        "pitch": data["pitch"],
        "title": read.texts(data.get("title")),
        "text": read.texts(data.get("text")),
        "where": read.where(*at),
    }
    if data["type"] == "link":
        label = data.get("label") or None  # an empty label: the target's title, as with none
        return LinkHotspot(target=data["target"], label=read.texts(label), **common)
    if data["type"] == "showcase":
        return ShowcaseHotspot(branch=data["branch"], label=read.texts(data.get("label")), **common)
    images = tuple(
        read.media(image, "image", *at, "images", number)
        for number, image in enumerate(data.get("images", []))
    )
    video = read.optional_media(data.get("video"), "video", *at, "video")
    return InfoHotspot(images=images, video=video, **common)


def make_narration(read: Reader, language: str, data: dict[str, Any], at: KeyPath) -> Narration:
    audio = read.optional_media(data.get("audio"), "audio", *at, "audio")
    return Narration(language, audio, data.get("transcript"), read.where(*at))


def make_music(read: Reader, data: dict[str, Any] | None, at: KeyPath) -> Music | None:
    if not data:
        return None
    return Music(read.media(data["audio"], "audio", *at, "audio"), data["volume"])


def make_nadir(read: Reader, data: dict[str, Any] | None) -> Nadir | None:
    if not data:
        return None
    scenes = tuple(data["scenes"]) if "scenes" in data else None
    return Nadir(f"{read.folder}{data['logo']}", data["size"], scenes, read.where("hall", "nadir"))


def make_scene(read: Reader, data: dict[str, Any], index: int, branch: str | None = None) -> Scene:
    at: KeyPath = ("scenes", index)
    photo = data["photo"]
    folder = read.folder
    return Scene(
        id=data["id"],
        title=read.text(data["title"]),
        description=read.texts(data.get("description")),
        zone=ZONE if branch else data.get("zone"),
        photo=Photo(
            tuple(f"{folder}{face}" for face in photo) if isinstance(photo, list) else f"{folder}{photo}",
            read.where(*at, "photo"),
        ),
        view=View(**data["view"]),
        north=data["north"],
        narration=frozen(
            {
                language: make_narration(read, language, narration, (*at, "narration", language))
                for language, narration in data["narration"].items()
            }
        ),
        hotspots=tuple(
            make_hotspot(read, data["id"], hotspot, (*at, "hotspots", number))
            for number, hotspot in enumerate(data["hotspots"])
        ),
        where=read.where(*at),
        branch=branch,
        music=make_music(read, data.get("music"), (*at, "music")),
        limits=frozen(data["limits"]) if data.get("limits") else None,
    )


def make_achievement(read: Reader, data: dict[str, Any], index: int) -> Achievement:
    at: KeyPath = ("achievements", index)
    return Achievement(
        title=read.text(data["title"]),
        date=data["date"],
        photos=tuple(
            read.media(photo, "image", *at, "photos", number) for number, photo in enumerate(data["photos"])
        ),
        where=read.where(*at),
        category=read.texts(data.get("category")),
        text=read.texts(data.get("text")),
        video=read.optional_media(data.get("video"), "video", *at, "video"),
        scene=data.get("scene"),
    )


def make_showcase(file: ShowcaseFile, default_language: str) -> Showcase:
    """A checked showcase.yaml as the model's Showcase, its paths project-relative."""
    branch, data, source = file.branch, file.data, file.source
    read = Reader(source, default_language, f"{SHOWCASES_DIR}/{branch}/")
    return Showcase(
        branch=branch,
        name=read.text(data["name"]),
        motto=read.texts(data.get("motto")),
        logo=read.optional_media(data.get("logo"), "image", "logo"),
        introduction=read.texts(data.get("introduction")),
        achievements=tuple(
            make_achievement(read, item, index) for index, item in enumerate(data["achievements"])
        ),
        scenes=tuple(make_scene(read, scene, index, branch) for index, scene in enumerate(data["scenes"])),
        where=Where(source.name, None),
    )


def make_zones(read: Reader, data: dict[str, Any], showcases: tuple[Showcase, ...]) -> tuple[Zone, ...]:
    """hall.yaml's zones, and the `showcases` zone when a branch brings rooms and hall.yaml has no such zone."""
    zones = [
        Zone(
            zone["id"],
            read.text(zone["title"]),
            read.texts(zone.get("description")),
            read.where("zones", index),
        )
        for index, zone in enumerate(data["zones"])
    ]
    with_rooms = [showcase for showcase in showcases if showcase.scenes]
    if with_rooms and not any(zone.id == ZONE for zone in zones):
        title = {code: text for code, text in ZONE_TITLE.items() if code in data["hall"]["languages"]}
        where = with_rooms[0].scenes[0].where
        zones.append(Zone(ZONE, read.text(title or ZONE_TITLE["en"]), None, where))
    return tuple(zones)


def make_floorplan(read: Reader, plan: dict[str, Any] | None) -> FloorPlan | None:
    if plan is None:
        return None
    points = frozen({scene_id: Point(**point) for scene_id, point in plan["points"].items()})
    return FloorPlan(
        read.media(plan["image"], "image", "floorplan", "image"), points, read.where("floorplan")
    )


def make_hall(
    project_dir: Path, data: dict[str, Any], source: YamlSource, showcases: tuple[Showcase, ...] = ()
) -> Hall:
    """A checked hall.yaml (`data` after the schema) and the hall's showcases as one Hall value."""
    hall = data["hall"]
    read = Reader(source, hall["languages"][0])
    scenes = tuple(make_scene(read, scene, index) for index, scene in enumerate(data["scenes"]))
    return Hall(
        project_dir=project_dir,
        id=hall["id"],
        title=read.text(hall["title"]),
        subtitle=read.texts(hall.get("subtitle")),
        description=read.texts(hall.get("description")),
        languages=tuple(hall["languages"]),
        start=hall.get("start") or scenes[0].id,
        cover=read.optional_media(hall.get("cover"), "image", "hall", "cover"),
        url=hall.get("url"),
        zones=make_zones(read, data, showcases),
        scenes=scenes + tuple(scene for showcase in showcases for scene in showcase.scenes),
        floorplan=make_floorplan(read, data["floorplan"]),
        announcements=tuple(
            Announcement(
                read.text(item["title"]),
                read.text(item["text"]),
                item["date"],
                read.where("announcements", index),
            )
            for index, item in enumerate(data["announcements"])
        ),
        service_url=data["service"]["url"] if data["service"] else None,
        build=BuildSettings(**data["build"]),
        showcases=showcases,
        where=read.where("hall"),
        music=make_music(read, hall.get("music"), ("hall", "music")),
        limits=frozen(hall["limits"]) if hall.get("limits") else None,
        nadir=make_nadir(read, hall.get("nadir")),
    )
