"""Decode the first photo to tile while `hallbuilder build` is still starting up.

A fresh build spends its first ~0.2 s importing numpy, OpenCV, marshmallow and the rest, on one core: imports
hold the GIL. The JPEG decoder does not. So the build command reads hall.yaml for the first scene's photo and
starts decoding it on a thread before anything else, hall.yaml's validation included (`python -m benchmarks
tiler`: about 0.05 s of a 0.75 s one-scene 8K build). It is only a head start: the build uses the pixels when
that scene's photo turns out to need tiling, and otherwise never looks at them. Nothing is written here, a photo
already in the cache is not decoded, and any surprise (no hall.yaml, a YAML error, an odd photo entry, a damaged
photo) just means no head start; the build then reports the problem itself.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from hallbuilder.build.cache import CACHE_NAME, is_cached

JPEG_SUFFIXES = (".jpg", ".jpeg")


@dataclass(frozen=True)
class Prefetch:
    """`pixels` will hold open_panorama(photo), or an exception: the decode failed, or was not worth doing."""

    photo: Path  # resolved
    pixels: Future


def prefetch_first_photo(project: Path) -> Prefetch | None:
    """Start decoding the first scene's photo on a daemon thread, if it is a JPEG in the project not yet tiled."""
    try:
        folder, photo, settings = _first_photo(Path(project))
    except Exception:  # whatever it is, the build reports it properly (or it is no problem at all)
        return None
    if photo is None:
        return None
    pixels: Future = Future()
    arguments = (folder / CACHE_NAME, photo, settings, pixels)
    threading.Thread(target=_decode, args=arguments, name="prefetch", daemon=True).start()
    return Prefetch(photo, pixels)


def _first_photo(project: Path) -> tuple[Path, Path | None, dict]:
    """The project folder, the first scene's photo (if a JPEG inside the project) and hall.yaml's build key."""
    from ruamel.yaml import YAML

    config = project if project.suffix in (".yaml", ".yml") else project / "hall.yaml"
    raw = YAML(typ="safe").load(config.read_text("utf-8"))
    name = raw["scenes"][0]["photo"]
    if not isinstance(name, str):
        return config.parent, None, {}
    photo = (config.parent / name).resolve()
    inside = photo.is_relative_to(config.parent.resolve())
    wanted = inside and photo.suffix.lower() in JPEG_SUFFIXES and photo.is_file()
    return config.parent, (photo if wanted else None), (raw.get("build") or {})


def _decode(cache_dir: Path, photo: Path, build: dict, pixels: Future) -> None:
    try:
        from hallbuilder.imaging.plan import TileSettings, panorama_hash

        settings = TileSettings(**{key: build[key] for key in ("tile_size", "quality") if key in build})
        if is_cached(cache_dir, panorama_hash(photo, settings)):
            raise LookupError("already tiled")
        from hallbuilder.imaging.photo import decodes_in_place, inspect_photo, open_panorama

        info = inspect_photo(photo)
        if not decodes_in_place(info):  # Pillow's decode needs 2.3× the photo: left to the tiler alone
            raise LookupError("not decoded in place")
        pixels.set_result(open_panorama(photo, info))
    except BaseException as error:  # told to whoever waits; then the tiler decodes the photo itself
        pixels.set_exception(error)
