"""Photos dropped into the studio become scenes: checked at once with `hallbuilder check`'s own messages,
saved under photos/ with a safe name, appended to hall.yaml, and tiled in the background.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from hallbuilder.builder.inputs import without_file_name
from hallbuilder.errors import PhotoError
from hallbuilder.studio.errors import StudioError
from hallbuilder.studio.ops import styled
from hallbuilder.studio.uploads import PHOTO_FORMATS, discard, free_name, image_format, place, safe_stem

JPEG_END = b"\xff\xd9"


def looks_whole(photo: Path, info) -> bool:
    """A JPEG that ends with its end-of-image marker (a cut-off copy does not): no need to decode it now.

    The full decode of `check` costs seconds for an 8192×4096 photo and the tiler decodes it anyway (damage
    inside a whole file then fails its job with check's message); other formats are decoded here.
    """
    if info.format not in ("JPEG", "MPO"):
        return False
    with photo.open("rb") as handle:
        handle.seek(max(0, photo.stat().st_size - 64))
        return JPEG_END in handle.read().rstrip(b"\x00\r\n ")[-2:]


def photo_problem(project: Path, photo: Path) -> str | None:
    """What `hallbuilder check` says about this photo after its key (None: it can be used)."""
    from hallbuilder.imaging import check_photo, inspect_photo

    try:
        info = inspect_photo(photo)  # format, size, 2:1: check's messages, from the headers
        if not looks_whole(photo, info):
            check_photo(photo)  # a full decode finds the truncation, with check's message
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


def cube_stem(names: list[str]) -> str:
    """The scene's name from its faces' names: 'Lobby_F.jpg' → 'lobby' (the face word dropped)."""
    from hallbuilder.imaging.faces import FACE_OF_WORD

    words = safe_stem(names[0], "cube").split("-")
    if words[-1] in FACE_OF_WORD:
        words = words[:-1]
    return "-".join(words) or "cube"


def accept_cube(
    project: Path, received: list[tuple[Path, str]], holding: Path, taken: list[str]
) -> tuple[str, str]:
    """Six received faces → a folder photos/<scene>/ of faces named by face: (scene id, its relative path).

    The faces are checked as `check` checks a folder of faces (names, square, one size), with its messages;
    refused, nothing is kept.
    """
    from hallbuilder.imaging.cube import check_cube
    from hallbuilder.imaging.faces import find_faces

    folder = holding / f"cube-{received[0][0].name}"
    paths = [path for path, _ in received]
    try:
        for path, name in received:
            kind = image_format(path)
            if kind not in PHOTO_FORMATS:
                raise StudioError(415, "not_image", "not_image", {"name": name})
            paths.append(place(path, folder, safe_stem(name, "face"), PHOTO_FORMATS[kind]))
        stem = cube_stem([name for _, name in received])
        relative = f"photos/{free_name(project / 'photos', stem, '', taken)}"
        faces, problems = find_faces(folder)
        if faces is not None:
            try:
                check_cube(faces)
            except PhotoError as error:
                problems = [line.replace(f"{folder}/", f"{relative}/") for line in error.lines()]
        if problems:
            reason = "; ".join(
                f"'{relative}' {problem}" if faces is None else problem for problem in problems
            )
            raise StudioError(422, "photo_refused", "photo_refused", {"name": relative, "reason": reason})
        (project / "photos").mkdir(exist_ok=True)
        os.replace(folder, project / relative)
    except BaseException:
        discard(*paths)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return relative.removeprefix("photos/"), relative
