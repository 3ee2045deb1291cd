"""Scene operations with meaning, on hall.yaml's round-trip document: what links to a scene, renaming it
(every reference follows), deleting it (every link to it goes too), and a link's way back.

A branch's showcase.yaml may link to the hall's scenes too: `showcase_links` finds those, and the views
update them after hall.yaml was saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from hallbuilder.config.edit import find_hotspot
from hallbuilder.studio.errors import StudioError

SHOWCASES = "showcases"


def scene_list(document: Any) -> list:
    scenes = document.get("scenes")
    return scenes if isinstance(scenes, list) else []


def hotspots_of(scene: Any) -> list:
    hotspots = scene.get("hotspots") if isinstance(scene, dict) else None
    return hotspots if isinstance(hotspots, list) else []


def find_scene(document: Any, scene_id: str) -> tuple[int, Any]:
    for index, scene in enumerate(scene_list(document)):
        if isinstance(scene, dict) and scene.get("id") == scene_id:
            return index, scene
    raise StudioError(404, "no_scene", "no_scene", {"scene": scene_id})


def links_to(document: Any, scene_id: str) -> Iterator[tuple[int, Any, int, Any]]:
    """(scene index, scene, hotspot index, hotspot) of every link hotspot whose target is `scene_id`."""
    for s_index, scene in enumerate(scene_list(document)):
        for h_index, hotspot in enumerate(hotspots_of(scene)):
            if (
                isinstance(hotspot, dict)
                and hotspot.get("type") == "link"
                and hotspot.get("target") == scene_id
            ):
                yield s_index, scene, h_index, hotspot


def hotspot_id(scene: Any, index: int, hotspot: Any) -> str:
    """The hotspot's id, or the one the build gives it (`<scene>-<position>`)."""
    return str(hotspot.get("id") or f"{scene.get('id')}-{index}")


def plan_points(document: Any) -> dict:
    plan = document.get("floorplan")
    points = plan.get("points") if isinstance(plan, dict) else None
    return points if isinstance(points, dict) else {}


def references(document: Any, scene_id: str) -> list[dict[str, Any]]:
    """Everything in hall.yaml that names the scene: start, links, the floor-plan point."""
    found: list[dict[str, Any]] = []
    hall = document.get("hall") if isinstance(document.get("hall"), dict) else {}
    if hall.get("start") == scene_id:
        found.append({"kind": "start", "file": "hall.yaml", "path": ["hall", "start"]})
    for s_index, scene, h_index, hotspot in links_to(document, scene_id):
        found.append(
            {
                "kind": "link",
                "file": "hall.yaml",
                "scene": scene.get("id"),
                "hotspot": hotspot_id(scene, h_index, hotspot),
                "path": ["scenes", s_index, "hotspots", h_index, "target"],
            }
        )
    if scene_id in plan_points(document):
        found.append({"kind": "floorplan", "file": "hall.yaml", "path": ["floorplan", "points", scene_id]})
    return found


def rename_scene(document: Any, old: str, new: str) -> None:
    _, scene = find_scene(document, old)
    if any(isinstance(other, dict) and other.get("id") == new for other in scene_list(document)):
        raise StudioError(409, "id_taken", "id_taken", {"to": new})
    scene["id"] = new
    hall = document.get("hall")
    if isinstance(hall, dict) and hall.get("start") == old:
        hall["start"] = new
    for _, _, _, hotspot in links_to(document, old):
        hotspot["target"] = new
    points = plan_points(document)
    if old in points:
        position = list(points).index(old)
        points.insert(position, new, points.pop(old))


def delete_scene(document: Any, scene_id: str) -> None:
    """Remove the scene and every link to it; the start goes back to the default (the first scene)."""
    index, _ = find_scene(document, scene_id)
    del document["scenes"][index]
    for _, scene, h_index, _ in sorted(links_to(document, scene_id), key=lambda found: -found[2]):
        del scene["hotspots"][h_index]
    hall = document.get("hall")
    if isinstance(hall, dict) and hall.get("start") == scene_id:
        del hall["start"]
    points = plan_points(document)
    if scene_id in points:
        del points[scene_id]


def facing_back(yaw: float, from_north: float, to_north: float) -> float:
    """The yaw, in the target's photo, of the direction opposite to a link at `yaw` in the source's photo.

    A link at `yaw` heads `yaw - from_north` from north; the way back heads the other way, 180° round, which
    is that bearing plus the target's own north in its photo. Kept in -180 < yaw ≤ 180, one decimal.
    """
    back = (yaw - from_north + 180 + to_north) % 360
    return round(back - 360 if back > 180 else back, 1)


def add_way_back(document: Any, scene_id: str, link_id: str) -> bool:
    """Put a link back to `scene_id` in the target of its link `link_id`; False when one is there already."""
    _, scene = find_scene(document, scene_id)
    link = find_hotspot(scene, link_id)
    if link is None:
        raise StudioError(404, "no_hotspot", "no_hotspot", {"scene": scene_id, "hotspot": link_id})
    if link.get("type") != "link" or not isinstance(link.get("target"), str):
        raise StudioError(400, "not_a_link", "not_a_link", {"hotspot": link_id})
    _, target = find_scene(document, link["target"])
    if any(hotspot.get("target") == scene_id for hotspot in hotspots_of(target) if isinstance(hotspot, dict)):
        return False
    back = CommentedMap()
    back["type"], back["target"] = "link", scene_id
    back["yaw"] = facing_back(
        float(link["yaw"]), float(scene.get("north") or 0), float(target.get("north") or 0)
    )
    back["pitch"] = link.get("pitch", -10)
    back.fa.set_flow_style()
    if not isinstance(target.get("hotspots"), list):
        target["hotspots"] = []
    target["hotspots"].append(back)
    return True


def showcase_files(project: Path) -> list[Path]:
    return sorted((project / SHOWCASES).glob("*/showcase.yaml"))


def achievements_of(document: Any) -> list:
    achievements = document.get("achievements")
    return [item for item in achievements if isinstance(item, dict)] if isinstance(achievements, list) else []


def showcase_references(project: Path, scene_id: str) -> list[dict[str, Any]]:
    """Links from the branches' rooms (showcase.yaml) to the hall's scene `scene_id`, and achievements shown
    in it."""
    from hallbuilder.studio.project import plain_document

    found = []
    for path in showcase_files(project):
        document = plain_document(path.read_text("utf-8")) or {}
        for s_index, scene, h_index, hotspot in links_to(document, scene_id):
            found.append(
                {
                    "kind": "showcase",
                    "file": path.relative_to(project).as_posix(),
                    "scene": scene.get("id"),
                    "hotspot": hotspot_id(scene, h_index, hotspot),
                    "path": ["scenes", s_index, "hotspots", h_index, "target"],
                }
            )
        raw = document.get("achievements") if isinstance(document.get("achievements"), list) else []
        for index, item in enumerate(raw):
            if isinstance(item, dict) and item.get("scene") == scene_id:
                found.append(
                    {
                        "kind": "achievement",
                        "file": path.relative_to(project).as_posix(),
                        "path": ["achievements", index, "scene"],
                    }
                )
    return found


def update_showcases(project: Path, scene_id: str, rename_to: str | None) -> None:
    """Make the branches' links to `scene_id` follow a rename (`rename_to`) or go with a deleted scene."""
    import io
    import os

    from hallbuilder.config.edit import round_trip_parser

    for path in showcase_files(project):
        text = path.read_text("utf-8")
        parser = round_trip_parser(text)
        document = parser.load(text)
        found = list(links_to(document or {}, scene_id))
        shown_in = [item for item in achievements_of(document or {}) if item.get("scene") == scene_id]
        if not found and not shown_in:
            continue
        for _, scene, h_index, hotspot in sorted(found, key=lambda item: -item[2]):
            if rename_to:
                hotspot["target"] = rename_to
            else:
                del scene["hotspots"][h_index]
        for achievement in shown_in:
            if rename_to:
                achievement["scene"] = rename_to
            else:
                del achievement["scene"]
        buffer = io.StringIO()
        parser.dump(document, buffer)
        partial = path.with_name(".showcase-edit.yaml")
        partial.write_text(buffer.getvalue(), "utf-8")
        os.replace(partial, path)
