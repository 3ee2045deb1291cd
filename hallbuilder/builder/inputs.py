"""Before anything is tiled: every photo and media file the hall names, read well enough to know it converts.

Every problem is reported at once, on the line of hall.yaml (or of the branch's showcase.yaml) that names the
file, like every other message: `hall.yaml:25 scenes[0].photo: the photo is only 800×400 pixels; ...`.
A media file whose conversion is in the cache converted before, so a rebuild reads (and imports) nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hallbuilder.builder.showcases import LOADED
from hallbuilder.config import HallConfig
from hallbuilder.config.checks import AUDIO_TYPES, IMAGE_TYPES, VIDEO_TYPES, items, referenced_files
from hallbuilder.config.problems import Problem, render
from hallbuilder.config.showcase import Showcase
from hallbuilder.config.showcase_checks import showcase_files
from hallbuilder.config.source import KeyPath, YamlSource, to_plain
from hallbuilder.errors import MediaError, PhotoError
from hallbuilder.media.cache import ConversionCache, conversion_key, file_hash
from hallbuilder.media.settings import MediaSettings

KINDS = ((AUDIO_TYPES, "audio"), (VIDEO_TYPES, "video"), (IMAGE_TYPES, "image"))
LINE = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+) ")


@dataclass(frozen=True)
class NamedFile:
    """A media file as a YAML file names it: the project-relative path, its kind, and the place naming it."""

    relative: str
    kind: str  # "audio", "video" or "image": the MediaStore conversion it goes through
    source: YamlSource
    path: KeyPath


@dataclass
class Inputs:
    """What the checks found out: each scene's photo width, and each media file's hash (not read twice)."""

    widths: dict[str, int]
    media: list[NamedFile]
    hashes: dict[str, str] = field(default_factory=dict)


def showcases_of(config: HallConfig) -> list[Showcase]:
    return config.data.get(LOADED) or []


def named_media(config: HallConfig, showcases: list[Showcase]) -> list[NamedFile]:
    """Every narration, image and video of hall.yaml and of each showcase.yaml, with the place naming it."""
    hall = {**config.data, "scenes": [scene for scene in config.scenes if not scene.get("branch")]}
    named = [
        NamedFile(relative, kind, config.source, path)
        for path, relative, suffixes in referenced_files(hall)
        if (kind := kind_of(suffixes))
    ]
    for showcase in showcases:
        if showcase.source is None:  # known only from the service: its photos were re-encoded there
            continue
        own = [item for item in showcase.data["achievements"] if not item.get("pulled")]
        named += [
            NamedFile(showcase.path(relative), kind, showcase.source, path)
            for path, relative, suffixes in showcase_files({**showcase.data, "achievements": own})
            if (kind := kind_of(suffixes))
        ]
    return named


def kind_of(suffixes: set[str]) -> str | None:
    return next((kind for types, kind in KINDS if suffixes == types), None)


def without_file_name(message: str, relative: str) -> str:
    """A converter's message without its leading file name: the line and the key name the file."""
    return message.removeprefix(f"{relative}: ")


def photo_problem(config: HallConfig, scene: dict, message: str) -> str:
    """A photo check's message for `scene` (naming the photo as written) on the line of the photo's key."""
    raw = to_plain(config.source.document)
    for index, entry in items(raw.get("scenes")):
        if not scene.get("branch") and entry.get("id") == scene["id"]:
            return located(
                config.source, ("scenes", index, "photo"), without_file_name(message, scene["photo"])
            )
    for showcase in showcases_of(config):
        for index, entry in enumerate(
            showcase.data["scenes"] if showcase.branch == scene.get("branch") else []
        ):
            if entry["id"] == scene["id"] and showcase.source is not None:
                path, name = ("scenes", index, "photo"), showcase.path(entry["photo"])
                return located(showcase.source, path, without_file_name(message, name))
    return message


def located(source: YamlSource, path: KeyPath, message: str) -> str:
    return render([Problem(path, message)], source)[0]


def media_problems(
    named: list[NamedFile],
    project_dir: Path,
    cache_dir: Path,
    settings: MediaSettings,
    hashes: dict[str, str],
) -> list[str]:
    """Each media file read (unless converted before); a problem on every line that names a bad file."""
    cache, found, lines = ConversionCache(cache_dir), {}, []
    for item in named:
        if (item.kind, item.relative) not in found:
            found[item.kind, item.relative] = media_problem(item, project_dir, cache, settings, hashes)
        message = found[item.kind, item.relative]
        if message:
            lines.append(located(item.source, item.path, without_file_name(message, item.relative)))
    return lines


def media_problem(
    item: NamedFile,
    project_dir: Path,
    cache: ConversionCache,
    settings: MediaSettings,
    hashes: dict[str, str],
) -> str | None:
    source = project_dir / item.relative
    if not source.is_file():
        return None  # the config checks said so already
    hashes[item.relative] = hashes.get(item.relative) or file_hash(source)
    if cache.lookup(conversion_key(item.kind, hashes[item.relative], settings)):
        return None
    from hallbuilder.media.probe import probe  # PyAV is imported only when there is a file to read

    try:
        probe(item.kind, source, item.relative, settings)
    except MediaError as error:
        return error.message
    return None


def check_media(
    config: HallConfig,
    cache_dir: Path,
    widths: dict[str, int],
    photo_lines: list[str],
    settings: MediaSettings | None = None,
) -> Inputs:
    """Every media file checked; with the photos' problems (`photo_lines`), every problem raised at once."""
    inputs = Inputs(widths, named_media(config, showcases_of(config)))
    settings = settings or MediaSettings()
    media_lines = media_problems(inputs.media, config.project_dir, cache_dir, settings, inputs.hashes)
    if media_lines:
        files = [config.source.name] + [s.source.name for s in showcases_of(config) if s.source is not None]
        lines = in_file_order(photo_lines + media_lines, files)
        raise MediaError(f"{len(lines)} file(s) cannot be used", problems=lines)
    if photo_lines:
        raise PhotoError(f"{len(photo_lines)} photo(s) cannot be used", problems=photo_lines)
    return inputs


def in_file_order(lines: Iterable[str], files: list[str]) -> list[str]:
    """`file:line ...` messages grouped by file (in the order given), by line within each; others last."""

    def place(text: str) -> tuple[int, int]:
        match = LINE.match(text)
        if not match or match["file"] not in files:
            return len(files), 0
        return files.index(match["file"]), int(match["line"])

    return sorted(lines, key=place)


def locate_media_error(error: MediaError, named: list[NamedFile]) -> MediaError:
    """A conversion's MediaError put on every line that names its file (what the probe could not foresee)."""
    places = [item for item in named if error.message.startswith(f"{item.relative}: ")]
    if not places:
        return error
    lines = [located(i.source, i.path, without_file_name(error.message, i.relative)) for i in places]
    return MediaError(error.message, problems=lines)
