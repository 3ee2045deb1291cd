"""Checks of a showcase.yaml that need the whole document or the disk: files (inside the branch's folder),
scene ids unique in the whole hall, references, languages. Like config/checks.py for hall.yaml, they read the
raw document defensively so shape and cross-check problems are collected and shown together.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from hallbuilder.config.checks import (
    AUDIO_TYPES,
    IMAGE_TYPES,
    PHOTO_OR_FACES,
    VIDEO_TYPES,
    check_face_folder,
    check_text_languages,
    items,
    keys_of,
    list_of,
    photo_files,
    scene_ids_of,
)
from hallbuilder.config.problems import Problem, did_you_mean

ZONE = "showcases"
SHOWCASE_TEXT_KEYS = ("name", "motto", "introduction", "title", "category", "text", "label", "description")


def cross_check_showcase(
    document: dict,
    folder: Path,
    languages: list[str] | None,
    hall_scenes: list[str] | None,
    branches: list[str],
    other_rooms: Sequence[str] = (),
) -> list[Problem]:
    """Files, references and languages of one showcase.yaml (`branches`: every showcase folder's name;
    `other_rooms`: the other branches' scene ids). `languages` or `hall_scenes` is None when hall.yaml could
    not tell them: the checks that need them are left until it can, rather than guessed."""
    problems = list(check_showcase_files(document, folder))
    problems += check_showcase_references(document, hall_scenes, branches, list(other_rooms))
    if languages:
        problems += check_showcase_languages(document, languages)
    return problems


def showcase_files(document: dict) -> Iterator[tuple[tuple, str, set[str] | frozenset[str]]]:
    """(key path, showcase-relative file, allowed suffixes) for every file showcase.yaml names."""
    if isinstance(document.get("logo"), str):
        yield ("logo",), document["logo"], IMAGE_TYPES
    for a_index, item in items(document.get("achievements")):
        for p_index, photo in enumerate(list_of(item.get("photos"))):
            if isinstance(photo, str):
                yield ("achievements", a_index, "photos", p_index), photo, IMAGE_TYPES
        if isinstance(item.get("video"), str):
            yield ("achievements", a_index, "video"), item["video"], VIDEO_TYPES
    for s_index, scene in items(document.get("scenes")):
        yield from photo_files(("scenes", s_index, "photo"), scene.get("photo"))
        for language, entry in keys_of(scene.get("narration")).items():
            if isinstance(entry, dict) and isinstance(entry.get("audio"), str):
                yield ("scenes", s_index, "narration", language, "audio"), entry["audio"], AUDIO_TYPES
        for h_index, hotspot in items(scene.get("hotspots")):
            for i_index, image in enumerate(list_of(hotspot.get("images"))):
                if isinstance(image, str):
                    yield ("scenes", s_index, "hotspots", h_index, "images", i_index), image, IMAGE_TYPES
            if isinstance(hotspot.get("video"), str):
                yield ("scenes", s_index, "hotspots", h_index, "video"), hotspot["video"], VIDEO_TYPES


def check_showcase_files(document: dict, folder: Path) -> Iterator[Problem]:
    """Each file exists, has a known type and (even through a symbolic link) lies inside the branch's folder."""
    root = folder.resolve()
    for path, relative, suffixes in showcase_files(document):
        posix = PurePosixPath(relative.strip().replace("\\", "/"))
        if posix.is_absolute() or ".." in posix.parts or not str(relative).strip():
            continue  # already reported by the schema
        if suffixes is PHOTO_OR_FACES and (folder / posix).is_dir():
            if not (folder / posix).resolve().is_relative_to(root):
                yield Problem(path, f"'{relative}' links to a folder outside the showcase folder; copy it in")
            else:
                yield from check_face_folder(path, relative, folder / posix)
            continue
        if posix.suffix.lower() not in suffixes:
            yield Problem(
                path, f"'{relative}' is not a supported file type; use one of: {', '.join(sorted(suffixes))}"
            )
            continue
        target = folder / posix
        if not target.is_file():
            siblings = (
                [str(PurePosixPath(posix.parent, p.name)) for p in target.parent.iterdir()]
                if target.parent.is_dir()
                else []
            )
            yield Problem(path, f"file not found: {relative}{did_you_mean(relative, siblings)}")
        elif not target.resolve().is_relative_to(root):
            yield Problem(
                path, f"'{relative}' links to a file outside the showcase folder; copy the file itself in"
            )


def check_showcase_references(
    document: dict, hall_scenes: list[str] | None, branches: list[str], other_rooms: Sequence[str] = ()
) -> Iterator[Problem]:
    """Ids unique in the hall; links, achievements' scenes and showcase hotspots lead somewhere: to a scene of
    hall.yaml or of any branch (not checked while hall.yaml's scenes are unknown)."""
    known = None if hall_scenes is None else [*hall_scenes, *scene_ids_of(document), *other_rooms]
    seen: dict[str, int] = {}
    for s_index, scene in items(document.get("scenes")):
        ident = scene.get("id")
        if isinstance(ident, str) and ident in (hall_scenes or ()):
            yield Problem(
                ("scenes", s_index, "id"),
                f"'{ident}' is already a scene of hall.yaml; scene ids must be unique in the whole hall",
            )
        elif isinstance(ident, str) and ident in seen:
            yield Problem(
                ("scenes", s_index, "id"),
                f"'{ident}' is used twice (also scenes[{seen[ident]}]); ids must be unique",
            )
        elif isinstance(ident, str):
            seen[ident] = s_index
        if "zone" in scene:
            yield Problem(
                ("scenes", s_index, "zone"),
                f"a branch's scenes are always in the '{ZONE}' zone; remove this key",
            )
        for h_index, hotspot in items(scene.get("hotspots")):
            target = hotspot.get("target")
            is_link = hotspot.get("type") == "link"
            if is_link and isinstance(target, str) and known is not None and target not in known:
                yield Problem(
                    ("scenes", s_index, "hotspots", h_index, "target"),
                    f"no scene '{target}'{did_you_mean(target, known)}",
                )
            branch = hotspot.get("branch")
            if hotspot.get("type") == "showcase" and isinstance(branch, str) and branch not in branches:
                yield Problem(
                    ("scenes", s_index, "hotspots", h_index, "branch"),
                    f"no showcase 'showcases/{branch}/showcase.yaml'{did_you_mean(branch, branches)}",
                )
    for a_index, item in items(document.get("achievements")):
        shown_in = item.get("scene")
        if isinstance(shown_in, str) and known is not None and shown_in not in known:
            yield Problem(
                ("achievements", a_index, "scene"), f"no scene '{shown_in}'{did_you_mean(shown_in, known)}"
            )


def check_showcase_languages(document: dict, languages: list[str]) -> Iterator[Problem]:
    return check_text_languages(document, languages, SHOWCASE_TEXT_KEYS)
