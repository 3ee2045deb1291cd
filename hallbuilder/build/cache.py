"""Where the build keeps what it made: `<project>/.hallbuilder-cache/`.

Tiled panoramas live in `panoramas/<content-hash>/`, keyed by the photo bytes and the tiling settings, so an
unchanged photo is never tiled again, whatever else changed in hall.yaml. An entry counts once its
`panorama.json` is written (the tiler works in a `.partial` sibling and renames it when done).
"""

from __future__ import annotations

from pathlib import Path

CACHE_NAME = ".hallbuilder-cache"
DONE = "panorama.json"


def cached_entry(cache_dir: Path, digest: str) -> Path:
    return cache_dir / "panoramas" / digest


def is_cached(cache_dir: Path, digest: str) -> bool:
    return (cached_entry(cache_dir, digest) / DONE).exists()
