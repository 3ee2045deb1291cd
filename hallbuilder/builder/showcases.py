"""Branch showcases in the build: checked showcase.yaml files → branch scenes in the hall → tour.json entries.

`add_showcases` runs right after hall.yaml is loaded, so a showcase problem stops the build before any tiling
and a branch's own scenes are tiled, cached and linked exactly like the hall's (they join the `showcases` zone).
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from hallbuilder.builder.media import MediaStore
from hallbuilder.config import HallConfig
from hallbuilder.config.showcase import ZONE_TITLE, Showcase, load_showcases
from hallbuilder.config.showcase_checks import ZONE

LOADED = "_showcases"
log = logging.getLogger("hallbuilder.builder")


def add_showcases(
    config: HallConfig, pull_from: str | None = None, showcases: list[Showcase] | None = None
) -> list[Showcase]:
    """Add the branches' scenes and zone to `config`; `showcases` as load_project gave them, or else checked
    here (all problems at once).

    With `pull_from` (the hall service's API address), approved achievements submitted online join them.
    """
    showcases = load_showcases(config) if showcases is None else showcases
    if pull_from:
        showcases = merge_pulled(config, showcases, pull_from)
    scenes = [branch_scene(showcase, scene) for showcase in showcases for scene in showcase.data["scenes"]]
    if scenes and not any(zone["id"] == ZONE for zone in config.data["zones"]):
        languages = config.languages
        title = {code: text for code, text in ZONE_TITLE.items() if code in languages}
        config.data["zones"].append({"id": ZONE, "title": title or ZONE_TITLE["en"]})
    config.data["scenes"].extend(scenes)
    config.data[LOADED] = showcases
    return showcases


def merge_pulled(config: HallConfig, showcases: list[Showcase], url: str) -> list[Showcase]:
    """Approved online achievements appended to each branch's showcase (a branch without a folder gets one)."""
    from hallbuilder.builder.cache import CACHE_NAME
    from hallbuilder.builder.showcases_pull import pull_showcases

    by_branch = {showcase.branch: showcase for showcase in showcases}
    for pulled in pull_showcases(url, config.hall_id, config.project_dir, CACHE_NAME):
        showcase = by_branch.get(pulled.branch)
        if showcase is None:
            data = {"name": pulled.name, "achievements": [], "scenes": []}
            showcase = by_branch[pulled.branch] = Showcase(pulled.branch, None, data)
            showcases.append(showcase)
        showcase.data["achievements"].extend(pulled.achievements)
        log.info("Pulled %d approved achievement(s) of '%s'", len(pulled.achievements), pulled.branch)
    return sorted(showcases, key=lambda showcase: showcase.branch)


def branch_scene(showcase: Showcase, scene: dict[str, Any]) -> dict[str, Any]:
    """A branch scene as a hall scene: paths made project-relative, zone `showcases`, `branch` set."""
    scene = copy.deepcopy(scene)
    photo = scene["photo"]  # a file or a folder of cube faces, or a list of six faces
    scene["photo"] = (
        [showcase.path(face) for face in photo] if isinstance(photo, list) else showcase.path(photo)
    )
    for narration in scene["narration"].values():
        if narration.get("audio"):
            narration["audio"] = showcase.path(narration["audio"])
    for hotspot in scene["hotspots"]:
        if "images" in hotspot:
            hotspot["images"] = [showcase.path(image) for image in hotspot["images"]]
        if hotspot.get("video"):
            hotspot["video"] = showcase.path(hotspot["video"])
    scene["zone"] = ZONE
    scene["branch"] = showcase.branch
    return scene


def collect_showcases(config: HallConfig, media: MediaStore) -> list[dict]:
    """Every branch showcase of the project, as tour.json entries (id, name, logo, achievements ...)."""
    showcases = config.data.get(LOADED)
    if showcases is None:
        showcases = add_showcases(config)
    return [showcase_entry(config, showcase, media) for showcase in showcases]


def showcase_entry(config: HallConfig, showcase: Showcase, media: MediaStore) -> dict[str, Any]:
    data = showcase.data
    entry: dict[str, Any] = {
        "id": showcase.branch,
        "name": config.text(data["name"]),
        "logo": media.image(showcase.path(data["logo"])) if data.get("logo") else None,
        "achievements": [
            achievement_entry(config, showcase, index, item, media)
            for index, item in sorted(
                enumerate(data["achievements"]), key=lambda pair: pair[1]["date"], reverse=True
            )
        ],
        "scenes": [scene["id"] for scene in data["scenes"]],
    }
    for key in ("motto", "introduction"):
        if key in data:
            entry[key] = config.text(data[key])
    return entry


def achievement_entry(
    config: HallConfig, showcase: Showcase, index: int, item: dict[str, Any], media: MediaStore
) -> dict[str, Any]:
    pulled = item.get("pulled")  # an online submission: its photos are already project-relative
    entry: dict[str, Any] = {
        "id": f"{showcase.branch}-online-{pulled}" if pulled else f"{showcase.branch}-{index}",
        "title": config.text(item["title"]),
        "date": item["date"].isoformat(),
        "photos": [media.image(photo if pulled else showcase.path(photo)) for photo in item["photos"]],
        "video": media.video(showcase.path(item["video"])) if item.get("video") else None,
        "scene": item.get("scene"),
    }
    for key in ("category", "text"):
        if key in item:
            entry[key] = config.text(item[key])
    return entry
