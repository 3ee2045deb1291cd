"""Checks that need the whole hall.yaml or the disk: unique ids, targets, zones, files, languages.

They read the raw document defensively (a value of the wrong type was already reported by the schema), so that
shape problems and cross-check problems are all collected and shown in one go.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from hallbuilder.config.fields import LANGUAGE
from hallbuilder.config.floorplan import check_floorplan_points
from hallbuilder.config.limits import check_view_limits
from hallbuilder.config.nadir import check_nadir_logo, check_nadir_scenes
from hallbuilder.config.problems import Problem, did_you_mean, format_path
from hallbuilder.imaging.faces import FACE_NAMES, find_faces

PHOTO_TYPES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp"}
PHOTO_OR_FACES = frozenset(PHOTO_TYPES)  # a scene's photo: a file of these types, or a folder of cube faces
AUDIO_TYPES = {".mp3", ".m4a", ".aac", ".wav", ".ogg", ".oga", ".opus", ".flac"}
IMAGE_TYPES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}
PLAN_TYPES = IMAGE_TYPES
LOGO_TYPES = {".png", ".jpg", ".jpeg", ".webp"}
VIDEO_TYPES = {".mp4", ".m4v", ".mov", ".webm"}
TEXT_KEYS = ("title", "subtitle", "description", "label", "text")


def keys_of(value: Any) -> dict[str, Any]:
    """`value` if it is a mapping, else an empty one (a value of the wrong type is the schema's to report)."""
    return value if isinstance(value, dict) else {}


def list_of(value: Any) -> list[Any]:
    """`value` if it is a list, else an empty one (a value of the wrong type is the schema's to report)."""
    return value if isinstance(value, list) else []


def items(value: Any) -> list[tuple[int, dict]]:
    return (
        [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]
        if isinstance(value, list)
        else []
    )


def scene_ids_of(document: dict) -> list[str]:
    """The ids of a document's scenes, read defensively (hall.yaml or a showcase.yaml)."""
    return [scene["id"] for _, scene in items(document.get("scenes")) if isinstance(scene.get("id"), str)]


def cross_check(document: dict, project_dir: Path, branch_rooms: Iterable[str] = ()) -> list[Problem]:
    """`branch_rooms`: the scene ids the branches' showcase.yaml files bring; hall.yaml may link to them."""
    problems: list[Problem] = []
    problems += check_ids(document)
    problems += check_references(document, list(branch_rooms))
    problems += check_files(document, project_dir)
    problems += check_languages(document)
    problems += check_floorplan_points(document, project_dir)
    problems += check_view_limits(document)
    problems += check_nadir_scenes(document)
    problems += check_nadir_logo(document, project_dir)
    return problems


def check_ids(document: dict) -> Iterator[Problem]:
    for key in ("zones", "scenes"):
        first_seen: dict[str, int] = {}
        for index, item in items(document.get(key)):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in first_seen:
                yield Problem(
                    (key, index, "id"),
                    f"'{ident}' is used twice (also {key}[{first_seen[ident]}]); ids must be unique",
                )
            else:
                first_seen[ident] = index
    hotspot_ids: dict[str, str] = {}
    for s_index, scene in items(document.get("scenes")):
        for h_index, hotspot in items(scene.get("hotspots")):
            ident = hotspot.get("id")
            if isinstance(ident, str):
                here = format_path(("scenes", s_index, "hotspots", h_index))
                if ident in hotspot_ids:
                    yield Problem(
                        ("scenes", s_index, "hotspots", h_index, "id"),
                        f"'{ident}' is used twice (also {hotspot_ids[ident]}); ids must be unique",
                    )
                else:
                    hotspot_ids[ident] = here


def check_references(document: dict, branch_rooms: list[str] | None = None) -> Iterator[Problem]:
    scene_ids = scene_ids_of(document)
    link_targets = scene_ids + (branch_rooms or [])
    zone_ids = [zone["id"] for _, zone in items(document.get("zones")) if isinstance(zone.get("id"), str)]
    hall = keys_of(document.get("hall"))
    start = hall.get("start")
    if isinstance(start, str) and scene_ids and start not in scene_ids:
        yield Problem(("hall", "start"), f"no scene '{start}'{did_you_mean(start, scene_ids)}")
    for s_index, scene in items(document.get("scenes")):
        zone = scene.get("zone")
        if isinstance(zone, str) and zone not in zone_ids:
            hint = did_you_mean(zone, zone_ids) or (" (add it under `zones:`)" if not zone_ids else "")
            yield Problem(("scenes", s_index, "zone"), f"no zone '{zone}'{hint}")
        for h_index, hotspot in items(scene.get("hotspots")):
            target = hotspot.get("target")
            if hotspot.get("type") == "link" and isinstance(target, str):
                path = ("scenes", s_index, "hotspots", h_index, "target")
                if target not in link_targets:
                    yield Problem(path, f"no scene '{target}'{did_you_mean(target, link_targets)}")
                elif target == scene.get("id"):
                    yield Problem(path, f"links to its own scene '{target}'; point it at another scene")
    plan = document.get("floorplan")
    if isinstance(plan, dict) and isinstance(plan.get("points"), dict):
        for scene_id in plan["points"]:
            if scene_id not in scene_ids:
                yield Problem(
                    ("floorplan", "points", scene_id),
                    f"no scene '{scene_id}'{did_you_mean(scene_id, scene_ids)}",
                )


def referenced_files(document: dict) -> Iterator[tuple[tuple, str, set[str] | frozenset[str]]]:
    """(key path, project-relative file, allowed suffixes) for every file hall.yaml names."""
    hall = keys_of(document.get("hall"))
    if isinstance(hall.get("cover"), str):
        yield ("hall", "cover"), hall["cover"], IMAGE_TYPES
    yield from music_file(("hall", "music"), hall.get("music"))
    nadir = hall.get("nadir")
    if isinstance(nadir, dict) and isinstance(nadir.get("logo"), str):
        yield ("hall", "nadir", "logo"), nadir["logo"], LOGO_TYPES
    for s_index, scene in items(document.get("scenes")):
        yield from photo_files(("scenes", s_index, "photo"), scene.get("photo"))
        yield from music_file(("scenes", s_index, "music"), scene.get("music"))
        narration = scene.get("narration")
        if isinstance(narration, dict):
            for language, entry in narration.items():
                if isinstance(entry, dict) and isinstance(entry.get("audio"), str):
                    yield ("scenes", s_index, "narration", language, "audio"), entry["audio"], AUDIO_TYPES
        for h_index, hotspot in items(scene.get("hotspots")):
            for i_index, image in enumerate(list_of(hotspot.get("images"))):
                if isinstance(image, str):
                    yield ("scenes", s_index, "hotspots", h_index, "images", i_index), image, IMAGE_TYPES
            if isinstance(hotspot.get("video"), str):
                yield ("scenes", s_index, "hotspots", h_index, "video"), hotspot["video"], VIDEO_TYPES
    plan = document.get("floorplan")
    if isinstance(plan, dict) and isinstance(plan.get("image"), str):
        yield ("floorplan", "image"), plan["image"], PLAN_TYPES


def music_file(path: tuple, music: Any) -> Iterator[tuple[tuple, str, set[str]]]:
    """Background music is converted and checked like narration."""
    if isinstance(music, dict) and isinstance(music.get("audio"), str):
        yield (*path, "audio"), music["audio"], AUDIO_TYPES


def photo_files(path: tuple, photo: Any) -> Iterator[tuple[tuple, str, set[str] | frozenset[str]]]:
    """The file (or folder of cube faces) a scene's photo names, or each face file of a list of six."""
    if isinstance(photo, str):
        yield path, photo, PHOTO_OR_FACES
    elif isinstance(photo, list) and len(photo) == len(FACE_NAMES):  # another count: told by the schema
        for index, face in enumerate(photo):
            if isinstance(face, str):
                yield (*path, index), face, PHOTO_TYPES


def check_face_folder(path: tuple, relative: str, folder: Path) -> Iterator[Problem]:
    """A folder given as a scene's photo holds six cube faces, each named once (faces.py)."""
    _, problems = find_faces(folder)
    for problem in problems:
        yield Problem(path, f"'{relative}' {problem}")


def check_files(document: dict, project_dir: Path) -> Iterator[Problem]:
    for path, relative, suffixes in referenced_files(document):
        posix = PurePosixPath(relative.replace("\\", "/"))
        if posix.is_absolute() or ".." in posix.parts:
            continue  # already reported by the schema
        if suffixes is PHOTO_OR_FACES and (project_dir / posix).is_dir():
            yield from check_face_folder(path, relative, project_dir / posix)
            continue
        suffix = posix.suffix.lower()
        folder_allowed = suffixes is PHOTO_OR_FACES and not suffix
        if suffix not in suffixes and not folder_allowed:
            yield Problem(
                path, f"'{relative}' is not a supported file type; use one of: {', '.join(sorted(suffixes))}"
            )
            continue
        target = project_dir / posix
        if not target.is_file():
            folder = target.parent
            siblings = (
                [f"{posix.parent}/{p.name}" if str(posix.parent) != "." else p.name for p in folder.iterdir()]
                if folder.is_dir()
                else []
            )
            what = "file or folder" if folder_allowed else "file"
            yield Problem(path, f"{what} not found: {relative}{did_you_mean(relative, siblings)}")
    yield from check_showcase_folders(document, project_dir)


def check_showcase_folders(document: dict, project_dir: Path) -> Iterator[Problem]:
    known = [p.name for p in (project_dir / "showcases").glob("*") if p.is_dir()]
    for s_index, scene in items(document.get("scenes")):
        for h_index, hotspot in items(scene.get("hotspots")):
            branch = hotspot.get("branch")
            if hotspot.get("type") != "showcase" or not isinstance(branch, str):
                continue
            if not (project_dir / "showcases" / branch / "showcase.yaml").is_file():
                hint = did_you_mean(branch, known) or f"; create it with `hallbuilder showcase new {branch}`"
                yield Problem(
                    ("scenes", s_index, "hotspots", h_index, "branch"),
                    f"no showcase 'showcases/{branch}/showcase.yaml'{hint}",
                )


def texts(node: Any, keys: tuple[str, ...] = TEXT_KEYS, path: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    """(key path, map) for every multilingual text (one of `keys`) given as a map."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and isinstance(value, dict):
                yield (*path, key), value
            elif key not in ("narration", "points", "build", "service"):
                yield from texts(value, keys, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, keys, (*path, index))


def check_languages(document: dict) -> Iterator[Problem]:
    hall = keys_of(document.get("hall"))
    languages = hall.get("languages", ["zh-CN"])
    if not isinstance(languages, list) or not all(isinstance(code, str) for code in languages):
        return
    if len(set(languages)) != len(languages):
        yield Problem(("hall", "languages"), "a language is listed twice")
    if languages:
        yield from check_text_languages(document, languages)


def check_text_languages(
    document: dict, languages: list[str], keys: tuple[str, ...] = TEXT_KEYS
) -> Iterator[Problem]:
    """Every text map and narration uses listed languages, and every text map has the default one."""
    default, listed = languages[0], ", ".join(languages)
    for path, value in texts(document, keys):
        for code in value:
            if LANGUAGE.match(str(code)) and code not in languages:
                yield Problem((*path, code), f"language '{code}' is not in hall.languages [{listed}]")
        if default not in value:
            yield Problem(path, f"no {default} text (the default language); add `{default}: ...`")
    for s_index, scene in items(document.get("scenes")):
        narration = scene.get("narration")
        for code in keys_of(narration):
            if code not in languages:
                yield Problem(
                    ("scenes", s_index, "narration", code),
                    f"language '{code}' is not in hall.languages [{listed}]{did_you_mean(code, languages)}",
                )
