"""The tiling step: each scene's photo → cached tile pyramid, base, thumb and initial-view preview.

The cache (cache.py) is keyed by the photo bytes (of cube faces, all six files') and the tiling settings, so an unchanged photo is never tiled
again, whatever else changed in hall.yaml.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from hallbuilder.builder.cache import DONE, cached_entry, is_cached
from hallbuilder.config.model import Nadir, View
from hallbuilder.errors import BuildError
from hallbuilder.imaging import (
    CubeFaces,
    Level,
    TileSettings,
    check_cube,
    check_photo,
    inspect_cube,
    inspect_photo,
    panorama_hash,
    photo_or_faces,
    plan_levels,
    render_preview,
    tile_panorama,
    validate_tiles,
)
from hallbuilder.site.page import inline_jpeg, inline_path

if TYPE_CHECKING:
    from hallbuilder.imaging.cube import DecodedCube

log = logging.getLogger("hallbuilder.builder")


@dataclass
class ScenePanorama:
    """What the manifest needs about one scene's tiles (paths relative to the cache entry)."""

    hash: str
    width: int
    tile_size: int
    levels: list[dict[str, int]]
    base_face_size: int
    tiles: int
    preview: dict
    reused: bool
    nadir: str | None = None  # the folder of the bottom face patched with the nadir logo, inside the entry


def photo_source(project_dir: Path, photo: str | tuple[str, ...]) -> Path | CubeFaces:
    """A scene's photo as the tiler takes it: one file, or the six cube faces of a folder or a list."""
    if isinstance(photo, tuple):
        return CubeFaces(tuple(project_dir / face for face in photo))
    return photo_or_faces(project_dir / photo)  # a folder's faces were checked with hall.yaml


def photo_width(photo: Path | CubeFaces, full: bool = False) -> int:
    """The photo's width (of cube faces, the width planned for them) once checked; decoded in full with `full`."""
    if isinstance(photo, CubeFaces):
        from hallbuilder.imaging.cube import equivalent_width

        return equivalent_width(check_cube(photo) if full else inspect_cube(photo)[0])
    return (check_photo if full else inspect_photo)(photo).width


def tiles_to_make(photo_width: int, settings: TileSettings) -> int:
    return sum(6 * level.nb_tiles**2 for level in plan_levels(photo_width, settings))


def prepare_panorama(
    photo: Path | CubeFaces,
    view: View,
    settings: TileSettings,
    cache_dir: Path,
    progress: Callable[[int], None] | None = None,
    digest: str | None = None,
) -> tuple[Path, ScenePanorama]:
    """Tile `photo` into the cache unless it is there already; render the preview for `view` if missing.

    `digest` is `panorama_hash(photo, settings)` when the caller has it already (hashing reads the whole photo).
    """
    digest = digest or panorama_hash(photo, settings)
    entry = cached_entry(cache_dir, digest)
    reused = is_cached(cache_dir, digest)
    if not reused:
        work = entry.with_name(f"{digest}.partial")
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        # the preview is rendered from the tiler's decoded pixels, beside the faces
        result = tile_panorama(
            photo,
            work,
            settings,
            progress=progress,
            also=lambda pixels: ensure_preview(pixels, work, view),
        )
        check_tiles(work, result.levels, settings)
        info = {
            "width": result.width,
            "tile_size": result.tile_size,
            "levels": [{"faceSize": level.face_size, "nbTiles": level.nb_tiles} for level in result.levels],
            "base_face_size": result.base_face_size,
            "tiles": result.tiles,
        }
        (work / DONE).write_text(json.dumps(info), "utf-8")
        shutil.rmtree(entry, ignore_errors=True)
        work.rename(entry)
    info = json.loads((entry / DONE).read_text("utf-8"))
    preview = ensure_preview(photo, entry, view)
    return entry, ScenePanorama(hash=digest, preview=preview, reused=reused, **info)


def with_nadir(
    photo: Path | CubeFaces,
    entry: Path,
    panorama: ScenePanorama,
    nadir: Nadir,
    project_dir: Path,
    settings: TileSettings,
) -> ScenePanorama:
    """The scene's panorama with the nadir logo patched into its bottom face (a variant beside the photo's tiles,
    see imaging/nadir.py)."""
    from hallbuilder.imaging.nadir import write_variant

    levels = [Level(level["faceSize"], level["nbTiles"]) for level in panorama.levels]
    key = write_variant(photo, entry, project_dir / nadir.logo, nadir.size, levels, settings)
    return replace(panorama, nadir=key)


def check_tiles(work: Path, levels: list[Level], settings: TileSettings) -> None:
    """Plan → write → validate: a pyramid missing a tile or holding a broken one never reaches the cache."""
    errors, warnings = validate_tiles(work, levels, settings)
    for warning in warnings:
        log.warning("%s", warning)
    if errors:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildError(
            "The tiler wrote a damaged pyramid; nothing was shipped. Please report it.", problems=errors
        )


def ensure_preview(photo: Path | CubeFaces | np.ndarray | DecodedCube, entry: Path, view: View) -> dict:
    """The flat preview of the initial view lives beside the tiles, named after the view it shows."""
    yaw, pitch, fov = (round(float(angle), 2) for angle in (view.yaw, view.pitch, view.fov))
    name = f"preview-{yaw:g}_{pitch:g}_{fov:g}.jpg"
    meta = entry / f"{name}.json"
    if not meta.exists():
        width, height = render_preview(photo, entry / name, yaw, pitch, fov)
        inline_path(entry / name).write_bytes(inline_jpeg(entry / name))  # index.html's copy, made meanwhile
        meta.write_text(json.dumps({"width": width, "height": height}), "utf-8")
    size = json.loads(meta.read_text("utf-8"))
    return {"src": name, "yaw": yaw, "pitch": pitch, "fov": fov, **size}
