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

from hallbuilder.config import Hall
from hallbuilder.config.model import InfoHotspot, MediaFile, Scene
from hallbuilder.errors import MediaError, PhotoError
from hallbuilder.media.cache import ConversionCache, conversion_key, file_hash
from hallbuilder.media.settings import MediaSettings

LINE = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+) ")


@dataclass
class Inputs:
    """What the checks found out: each scene's photo width, and each media file's hash (not read twice)."""

    widths: dict[str, int]
    media: list[MediaFile]
    hashes: dict[str, str] = field(default_factory=dict)


def scene_media(scene: Scene) -> list[MediaFile]:
    files = [narration.audio for narration in scene.narration.values() if narration.audio]
    files += [scene.music.audio] if scene.music else []
    for hotspot in scene.hotspots:
        if isinstance(hotspot, InfoHotspot):
            files += [*hotspot.images, *([hotspot.video] if hotspot.video else [])]
    return files


def media_files(hall: Hall) -> list[MediaFile]:
    """Every narration, image and video of hall.yaml and of each showcase.yaml, in file order; not the photos of
    achievements pulled from the service (the service re-encoded them)."""
    files = [hall.cover] if hall.cover else []
    files += [hall.music.audio] if hall.music else []
    for scene in hall.scenes:
        files += [] if scene.branch else scene_media(scene)
    files += [hall.floorplan.image] if hall.floorplan else []
    for showcase in hall.showcases:
        files += [showcase.logo] if showcase.logo else []
        for item in showcase.achievements:
            files += [] if item.pulled else [*item.photos, *([item.video] if item.video else [])]
        for scene in showcase.scenes:
            files += scene_media(scene)
    return files


def without_file_name(message: str, relative: str) -> str:
    """A converter's message without its leading file name: the line and the key name the file."""
    return message.removeprefix(f"{relative}: ")


def photo_problem(scene: Scene, message: str) -> str:
    """A photo check's message for `scene` (naming the photo as written) on the line of the photo's key."""
    photo = scene.photo.path
    return scene.photo.where.problem(without_file_name(message, photo) if isinstance(photo, str) else message)


def media_problems(
    named: list[MediaFile],
    project_dir: Path,
    cache_dir: Path,
    settings: MediaSettings,
    hashes: dict[str, str],
) -> list[str]:
    """Each media file read (unless converted before); a problem on every line that names a bad file."""
    cache, found, lines = ConversionCache(cache_dir), {}, []
    for item in named:
        if (item.kind, item.path) not in found:
            found[item.kind, item.path] = media_problem(item, project_dir, cache, settings, hashes)
        message = found[item.kind, item.path]
        if message:
            lines.append(item.where.problem(without_file_name(message, item.path)))
    return lines


def media_problem(
    item: MediaFile,
    project_dir: Path,
    cache: ConversionCache,
    settings: MediaSettings,
    hashes: dict[str, str],
) -> str | None:
    source = project_dir / item.path
    if not source.is_file():
        return None  # the config checks said so already
    hashes[item.path] = hashes.get(item.path) or file_hash(source)
    if cache.lookup(conversion_key(item.kind, hashes[item.path], settings)):
        return None
    from hallbuilder.media.probe import probe  # PyAV is imported only when there is a file to read

    try:
        probe(item.kind, source, item.path, settings)
    except MediaError as error:
        return error.message
    return None


def check_media(
    hall: Hall,
    cache_dir: Path,
    widths: dict[str, int],
    photo_lines: list[str],
    settings: MediaSettings | None = None,
) -> Inputs:
    """Every media file checked; with the photos' problems (`photo_lines`), every problem raised at once."""
    inputs = Inputs(widths, media_files(hall))
    settings = settings or MediaSettings()
    media_lines = media_problems(inputs.media, hall.project_dir, cache_dir, settings, inputs.hashes)
    if media_lines:
        files = [hall.where.file] + [s.where.file for s in hall.showcases if s.where is not None]
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


def locate_media_error(error: MediaError, named: list[MediaFile]) -> MediaError:
    """A conversion's MediaError put on every line that names its file (what the probe could not foresee)."""
    places = [item for item in named if error.message.startswith(f"{item.path}: ")]
    if not places:
        return error
    lines = [item.where.problem(without_file_name(error.message, item.path)) for item in places]
    return MediaError(error.message, problems=lines)
