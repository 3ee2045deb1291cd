"""Which tiles a view shows first: the level Photo Sphere Viewer picks for a viewport, and the tiles it sees.

index.html preloads them, so a phone has the start view's sharp tiles by the time the viewer asks for them.
The level rule is CubemapTilesAdapter's `getTileConfig` (5.15): the first level, smallest first, whose face
gives at least one texel per CSS pixel across the view (faceSize·4/360·hFov ≥ width and faceSize·2/180·vFov
≥ height), else the top level. The tiles are those the view's rays hit, traced with the same camera as the
preview (geometry.camera_rays) and the tiler's face convention (geometry.face_direction).
"""

from __future__ import annotations

import math

import numpy as np

from hallbuilder.imaging.geometry import camera_rays
from hallbuilder.imaging.plan import Level

PHONE = (390, 844)  # CSS px: a common phone held upright (the viewer benchmark's viewport)
RAY_STEP = 4  # CSS px between traced rays


def horizontal_fov(vertical: float, viewport: tuple[int, int]) -> float:
    """Degrees across the view for a vertical field of view, as PSV derives it."""
    width, height = viewport
    return math.degrees(2 * math.atan(math.tan(math.radians(vertical) / 2) * width / height))


def level_for(levels: list[Level], fov: float, viewport: tuple[int, int]) -> int:
    """The index of the level PSV shows for a vertical `fov` (degrees) in `viewport` (CSS px)."""
    width, height = viewport
    across = horizontal_fov(fov, viewport)
    for index, level in enumerate(levels):
        if level.face_size * 4 / 360 * across >= width and level.face_size * 2 / 180 * fov >= height:
            return index
    return len(levels) - 1


def face_coordinates(x: np.ndarray, y: np.ndarray, z: np.ndarray) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(face, a, b) of each direction's face: the inverse of geometry.face_direction, a and b in -1..1."""
    ax, ay, az = np.abs(x), np.abs(y), np.abs(z)
    side = (ax >= ay) & (ax >= az)
    updown = ~side & (ay >= az)
    depth = ~side & ~updown
    with np.errstate(divide="ignore", invalid="ignore"):
        cases = [
            ("front", depth & (z > 0), x / az, -y / az),
            ("back", depth & (z <= 0), -x / az, -y / az),
            ("right", side & (x > 0), -z / ax, -y / ax),
            ("left", side & (x <= 0), z / ax, -y / ax),
            ("top", updown & (y > 0), x / ay, z / ay),
            ("bottom", updown & (y <= 0), x / ay, -z / ay),
        ]
    return [(face, a[mask], b[mask]) for face, mask, a, b in cases if mask.any()]


def visible_tiles(
    levels: list[Level], view: dict[str, float], viewport: tuple[int, int] = PHONE
) -> tuple[int, list[tuple[str, int, int]]]:
    """(level index, [(face, row, col), ...]) of the tiles a view shows in `viewport`, sorted by face, row, col.

    `view` has yaw, pitch and fov in degrees (fov vertical), as tour.json's scenes do.
    """
    index = level_for(levels, view["fov"], viewport)
    tiles_per_side = levels[index].nb_tiles
    width, height = viewport  # one ray per 4 CSS px: a tile seen only in a screen's outer 2 px is not needed
    x, y, z = camera_rays(view["yaw"], view["pitch"], view["fov"], (width // RAY_STEP, height // RAY_STEP))
    y = np.broadcast_to(y, x.shape)
    found = set()
    for face, a, b in face_coordinates(x, y, z):
        cols = np.clip(((a + 1) / 2 * tiles_per_side).astype(int), 0, tiles_per_side - 1)
        rows = np.clip(((b + 1) / 2 * tiles_per_side).astype(int), 0, tiles_per_side - 1)
        for cell in np.unique(rows * tiles_per_side + cols):
            found.add((face, int(cell) // tiles_per_side, int(cell) % tiles_per_side))
    return index, sorted(found)
