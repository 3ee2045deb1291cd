"""Branch showcases in the build: achievements approved online joined to the hall, and tour.json's entries.

The branches' rooms are already scenes of the hall (config/from_yaml.py), so they are tiled, cached and linked
exactly like the hall's own.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from hallbuilder.builder.cache import CACHE_NAME
from hallbuilder.builder.media import MediaStore
from hallbuilder.config import Hall
from hallbuilder.config.from_yaml import texts
from hallbuilder.config.model import Achievement, MediaFile, Showcase, Where

if TYPE_CHECKING:
    from hallbuilder.builder.showcases_pull import PulledBranch

log = logging.getLogger("hallbuilder.builder")


def with_pulled_showcases(hall: Hall, url: str) -> Hall:
    """The hall with the achievements approved on the hall service at `url` (its API address) appended to each
    branch's showcase; a branch without a folder gets a showcase of its own."""
    from hallbuilder.builder.showcases_pull import pull_showcases  # urllib's HTTP stack, only when pulling

    by_branch = {showcase.branch: showcase for showcase in hall.showcases}
    for pulled in pull_showcases(url, hall.id, hall.project_dir, CACHE_NAME):
        where = Where(f"--pull-showcases {url}", None, (pulled.branch,))
        achievements = tuple(
            pulled_achievement(item, hall.default_language, where) for item in pulled.achievements
        )
        known = by_branch.get(pulled.branch) or online_showcase(pulled, hall.default_language)
        by_branch[pulled.branch] = replace(known, achievements=known.achievements + achievements)
        log.info("Pulled %d approved achievement(s) of '%s'", len(achievements), pulled.branch)
    return replace(hall, showcases=tuple(sorted(by_branch.values(), key=lambda showcase: showcase.branch)))


def online_showcase(pulled: PulledBranch, default_language: str) -> Showcase:
    """A branch known only from the service: its name, no rooms, no file."""
    name = texts(pulled.name, default_language) or {}
    return Showcase(pulled.branch, name, None, None, None, (), (), None)


def pulled_achievement(item: dict[str, Any], default_language: str, where: Where) -> Achievement:
    """An achievement as showcases_pull.py gives it (photos already project-relative) in the model."""
    return Achievement(
        title=texts(item["title"], default_language) or {},
        date=item["date"],
        photos=tuple(MediaFile(photo, "image", where) for photo in item["photos"]),
        where=where,
        category=texts(item.get("category"), default_language),
        text=texts(item.get("text"), default_language),
        pulled=item["pulled"],
    )


def showcase_entries(hall: Hall, media: MediaStore) -> list[dict[str, Any]]:
    """Every branch showcase of the hall as tour.json entries (id, name, logo, achievements ...)."""
    return [showcase_entry(showcase, media) for showcase in hall.showcases]


def showcase_entry(showcase: Showcase, media: MediaStore) -> dict[str, Any]:
    newest_first = sorted(enumerate(showcase.achievements), key=lambda pair: pair[1].date, reverse=True)
    entry: dict[str, Any] = {
        "id": showcase.branch,
        "name": dict(showcase.name),
        "logo": media.image(showcase.logo.path) if showcase.logo else None,
        "achievements": [
            achievement_entry(showcase.branch, index, item, media) for index, item in newest_first
        ],
        "scenes": [scene.id for scene in showcase.scenes],
    }
    for key, value in (("motto", showcase.motto), ("introduction", showcase.introduction)):
        if value is not None:
            entry[key] = dict(value)
    return entry


def achievement_entry(branch: str, index: int, item: Achievement, media: MediaStore) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": f"{branch}-online-{item.pulled}" if item.pulled else f"{branch}-{index}",
        "title": dict(item.title),
        "date": item.date.isoformat(),
        "photos": [media.image(photo.path) for photo in item.photos],
        "video": media.video(item.video.path) if item.video else None,
        "scene": item.scene,
    }
    for key, value in (("category", item.category), ("text", item.text)):
        if value is not None:
            entry[key] = dict(value)
    return entry
