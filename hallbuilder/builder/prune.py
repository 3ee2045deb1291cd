"""Keep the tile cache to what a build or an undo needs: each scene's current and previous panorama.

Entries are named by content hash, so which scene used which entry is kept in `panoramas/versions.json`
(scene id → its panoramas' hashes, newest first). After a successful build a scene in the hall keeps its
last two versions (so going back to the previous photo costs no tiling) and a scene not in this build (taken
out of hall.yaml, or a branch scene not pulled this time) its last one; every other entry, and any `.partial`
left by an interrupted build, is removed.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

VERSIONS = "versions.json"
KEEP_IN_HALL = 2
KEEP_ABSENT = 1


@dataclass(frozen=True)
class Pruned:
    entries: int
    bytes: int


NOTHING_PRUNED = Pruned(0, 0)


def prune_panoramas(cache_dir: Path, used: dict[str, str]) -> Pruned:
    """Record `used` (scene id → hash of the panorama this build shipped), then remove what no scene keeps."""
    folder = cache_dir / "panoramas"
    versions = {**read_versions(folder)}
    for scene_id in versions.keys() - used.keys():
        versions[scene_id] = versions[scene_id][:KEEP_ABSENT]
    for scene_id, digest in used.items():
        older = [old for old in versions.get(scene_id, []) if old != digest]
        versions[scene_id] = [digest, *older][:KEEP_IN_HALL]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / VERSIONS).write_text(json.dumps(versions, indent=1, sort_keys=True), "utf-8")
    kept = {digest for digests in versions.values() for digest in digests}
    entries = size = 0
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink() and entry.name not in kept:
            size += sum(path.stat().st_size for path in entry.rglob("*") if path.is_file())
            shutil.rmtree(entry)
            entries += not entry.name.endswith(".partial")
    return Pruned(entries, size)


def read_versions(folder: Path) -> dict[str, list[str]]:
    """The record of versions; a missing or damaged one is a fresh start (entries it named are only re-tiled)."""
    try:
        raw = json.loads((folder / VERSIONS).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {
        str(scene): [digest for digest in digests if isinstance(digest, str)]
        for scene, digests in raw.items()
        if isinstance(digests, list)
    }
