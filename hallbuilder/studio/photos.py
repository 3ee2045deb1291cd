"""Photos dropped into the studio become scenes: checked at once with `hallbuilder check`'s own messages,
saved under photos/ with a safe name, appended to hall.yaml, and tiled in the background.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from hallbuilder.builder.inputs import without_file_name
from hallbuilder.errors import PhotoError
from hallbuilder.studio.errors import StudioError
from hallbuilder.studio.ops import styled
from hallbuilder.studio.uploads import PHOTO_FORMATS, discard, image_format, place, safe_stem


def photo_problem(project: Path, photo: Path) -> str | None:
    """What `hallbuilder check` says about this photo after its key (None: it can be used)."""
    from hallbuilder.imaging import check_photo

    try:
        check_photo(photo)
    except PhotoError as error:
        relative = photo.relative_to(project).as_posix()
        lines = [line.replace(f"{project}/", "") for line in error.lines()]
        return "; ".join(without_file_name(line, relative) for line in lines)
    return None


def scene_ids(document: Any) -> list[str]:
    return [str(scene.get("id")) for scene in document.get("scenes") or [] if isinstance(scene, dict)]


def new_scene(scene_id: str, title: str, photo: str, language: str) -> CommentedMap:
    scene = CommentedMap()
    scene["id"] = scene_id
    scene["title"] = styled({language: title})
    scene["photo"] = photo
    return scene


def accept_photo(project: Path, received: Path, name: str, taken: list[str]) -> tuple[str, str]:
    """Check a received upload as a panorama and place it in photos/: (scene id, project-relative path).

    A refused photo is deleted and a StudioError says why, with check's message.
    """
    kind = image_format(received)
    if kind not in PHOTO_FORMATS:
        discard(received)
        raise StudioError(415, "not_image", "not_image", {"name": name})
    stem = safe_stem(name, "scene")
    photo = place(received, project / "photos", stem, PHOTO_FORMATS[kind], taken)
    problem = photo_problem(project, photo)
    if problem:
        discard(photo)
        raise StudioError(422, "photo_refused", "photo_refused", {"name": name, "reason": problem})
    return photo.stem, photo.relative_to(project).as_posix()


def add_scenes(document: Any, added: list[dict[str, str]]) -> None:
    """Append a scene per accepted photo to hall.yaml's round-trip document (titles in the first language)."""
    languages = (document.get("hall") or {}).get("languages") or ["zh-CN"]
    if document.get("scenes") is None:
        document["scenes"] = []
    for item in added:
        document["scenes"].append(new_scene(item["scene"], item["title"], item["photo"], str(languages[0])))
