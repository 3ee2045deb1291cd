"""Plan the tile pyramid of one panorama: a pure function of the photo width and the tile settings.

The rule (Photo Sphere Viewer's CubemapTilesAdapter needs `nbTiles` a power of two, at most 16, and
square tiles of `faceSize / nbTiles`):

* The top level keeps the photo's detail: its face size is as close as possible to `width / π`
  (one face spans 90° of the 360° width, and the face centre has `2/π` of the equator's sampling).
* Face size = tile × nbTiles, with nbTiles a power of two ≤ 16 and the tile a multiple of 16 px between
  `settings.tile_size` and 1024 (multiples of 16 fill whole JPEG blocks). Among the candidates we take the
  face size nearest to `width / π`, fewer tiles on a tie. Example: 8192 wide → 2607.6 → 4 × 656 = 2624.
* A photo so small that one tile covers a face (`width / π` under the minimum tile) gets a single level of
  one tile of that smaller size (1024 wide → one 320 px tile), rather than upscaling.
* Each lower level halves the face size with the same tile size and half the tiles per side, down to one
  tile per side. Level 0 is the smallest.

The content hash covers the photo bytes (of six cube faces, every face's bytes in order), every field of
`TileSettings` and `GEOMETRY_VERSION`, so tile URLs can be cached forever and change whenever the pixels
could change. Cube faces are planned from cube.equivalent_width, so the same rule serves them.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hallbuilder.imaging.faces import CubeFaces

FACES = ("front", "right", "back", "left", "top", "bottom")
MAX_TILE = 1024
MAX_TILES_PER_SIDE = 16
TILE_STEP = 16
# Bump when the sampling or layout changes: it is part of every content hash.
GEOMETRY_VERSION = 2


@dataclass(frozen=True)
class TileSettings:
    """Everything that changes the output pixels; all of it is part of the content hash."""

    tile_size: int = 512  # smallest tile edge (512..1024); the plan picks a tile between it and 1024
    quality: int = 82
    base_face_size: int = 256  # per face in base.jpg (the net is 4*base_face_size x 3*base_face_size)
    base_quality: int = 65
    thumb_width: int = 512  # thumb.jpg is thumb_width x thumb_width/2 equirect

    def key(self) -> str:
        """A stable string of all fields, for hashing."""
        return ";".join(f"{name}={value}" for name, value in sorted(asdict(self).items()))


DEFAULT_SETTINGS = TileSettings()


@dataclass(frozen=True)
class Level:
    """One pyramid level in Photo Sphere Viewer's terms."""

    face_size: int
    nb_tiles: int

    @property
    def tile_size(self) -> int:
        return self.face_size // self.nb_tiles

    def as_json(self) -> dict[str, int]:
        """The level as CubemapTilesAdapter (and tour.json) spell it."""
        return {"faceSize": self.face_size, "nbTiles": self.nb_tiles}


def _round_tile(size: float) -> int:
    return max(TILE_STEP, round(size / TILE_STEP) * TILE_STEP)


def top_level(width: int, settings: TileSettings) -> Level:
    """The most detailed level: face size nearest to width/π (see the module docstring)."""
    target = width / math.pi
    best: Level | None = None
    nb_tiles = 1
    while nb_tiles <= MAX_TILES_PER_SIDE:
        smallest = settings.tile_size if nb_tiles > 1 else min(settings.tile_size, _round_tile(target))
        tile = min(MAX_TILE, max(smallest, _round_tile(target / nb_tiles)))
        candidate = Level(tile * nb_tiles, nb_tiles)
        if best is None or abs(candidate.face_size - target) < abs(best.face_size - target):
            best = candidate
        nb_tiles *= 2
    assert best is not None
    return best


def plan_levels(width: int, settings: TileSettings = DEFAULT_SETTINGS) -> list[Level]:
    """All levels, level 0 the smallest: the top level halved until one tile per side."""
    top = top_level(width, settings)
    levels = []
    nb_tiles = top.nb_tiles
    while nb_tiles >= 1:
        levels.append(Level(top.tile_size * nb_tiles, nb_tiles))
        nb_tiles //= 2
    return levels[::-1]


def panorama_hash(photo: Path | CubeFaces, settings: TileSettings = DEFAULT_SETTINGS) -> str:
    """Hex content hash (20 chars) of the photo bytes, the tile settings and the geometry version.

    Of cube faces: every face's bytes in face order, so a changed or swapped face changes it.
    """
    digest = hashlib.sha256(f"hallbuilder-tiles:{GEOMETRY_VERSION}:{settings.key()}\n".encode())
    files = (photo,) if isinstance(photo, str | Path) else photo.files
    cube = not isinstance(photo, str | Path)
    if cube:
        digest.update(b"cube faces\n")
    for path in files:
        if cube:  # where one face ends and the next begins
            digest.update(f"{Path(path).stat().st_size}\n".encode())
        with open(path, "rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()[:20]
