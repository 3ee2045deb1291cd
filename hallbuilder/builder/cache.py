"""Where the build keeps what it made: `<project>/.hallbuilder-cache/`.

Tiled panoramas live in `panoramas/<content-hash>/`, keyed by the photo bytes and the tiling settings, so an
unchanged photo is never tiled again, whatever else changed in hall.yaml. An entry counts once its
`panorama.json` is written (the tiler works in a `.partial` sibling and renames it when done), and is reused
only while it is whole (`reusable`): a damaged one is removed, and its photo tiled again.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from hallbuilder.imaging.plan import Level, TileSettings
from hallbuilder.imaging.validate import validate_tiles

CACHE_NAME = ".hallbuilder-cache"
DONE = "panorama.json"

log = logging.getLogger("hallbuilder.builder")


def cached_entry(cache_dir: Path, digest: str) -> Path:
    return cache_dir / "panoramas" / digest


def is_cached(cache_dir: Path, digest: str) -> bool:
    return (cached_entry(cache_dir, digest) / DONE).exists()


def entry_problems(entry: Path) -> list[str]:
    """Why a finished entry cannot be shipped as it is (none: it can): its record against the tiles on disk.

    Reads each tile's header and last bytes, not its pixels, so checking a whole hall costs milliseconds.
    """
    try:
        info = json.loads((entry / DONE).read_text("utf-8"))
        levels = [Level(level["faceSize"], level["nbTiles"]) for level in info["levels"]]
        settings = TileSettings(tile_size=info["tile_size"], base_face_size=info["base_face_size"])
        recorded = int(info["tiles"])
    except (OSError, ValueError, KeyError, TypeError):
        return [f"{entry / DONE}: not a readable record of the tiles"]
    errors, _ = validate_tiles(entry, levels, settings)
    planned = sum(6 * level.nb_tiles**2 for level in levels)
    if recorded != planned:
        errors.append(f"{entry / DONE}: records {recorded} tiles where the plan has {planned}")
    return errors


def reusable(cache_dir: Path, digest: str) -> bool:
    """Whether the entry for `digest` is there and whole; a damaged one is removed with a warning."""
    if not is_cached(cache_dir, digest):
        return False
    entry = cached_entry(cache_dir, digest)
    problems = entry_problems(entry)
    if not problems:
        return True
    more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
    log.warning("The cache entry %s is damaged: %s%s. Tiling that photo again.", entry, problems[0], more)
    shutil.rmtree(entry, ignore_errors=True)
    return False
