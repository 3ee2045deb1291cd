"""The small images shown before tiles load: the base net, the gallery thumbnail and the initial view."""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np

from hallbuilder.imaging import jpeg
from hallbuilder.imaging.cube import DecodedCube, cube_view, open_cube
from hallbuilder.imaging.faces import CubeFaces
from hallbuilder.imaging.geometry import camera_maps
from hallbuilder.imaging.photo import open_panorama

# (column, row) of each face in the 4×3 net: middle row left|front|right|back, top above front, bottom below
NET_CELLS = {
    "left": (0, 1),
    "front": (1, 1),
    "right": (2, 1),
    "back": (3, 1),
    "top": (1, 0),
    "bottom": (1, 2),
}


SHRINK_STRIP = 32  # rows of the reduced photo made at a time by _shrink
# How coarse (slightly soft) or fine (aliasing) a preview's source may be against the view's own sampling
SOFTEST, SHARPEST = 0.85, 1.2


def base_net(faces: dict[str, np.ndarray], face_size: int) -> np.ndarray:
    """A 4×3 cross of the six faces, each resized to face_size; empty cells are black."""
    net = np.zeros((3 * face_size, 4 * face_size, 3), np.uint8)
    for face, (col, row) in NET_CELLS.items():
        small = cv2.resize(faces[face], (face_size, face_size), interpolation=cv2.INTER_AREA)
        net[row * face_size : (row + 1) * face_size, col * face_size : (col + 1) * face_size] = small
    return net


def thumbnail(pixels: np.ndarray, width: int) -> np.ndarray:
    """A width × width/2 equirect; area-averaged so that it does not shimmer."""
    return _shrink(pixels, width)


def _shrink(pixels: np.ndarray, width: int) -> np.ndarray:
    """Area-average to `width` (2:1), strip by strip: each strip is halved while over twice as large
    (OpenCV's fast whole-number path; 6 ms from 8K where one uneven step takes 15 to 50), so no reduced
    copy of the whole photo is ever held (100 MB at 16K); then one last step to `width`."""
    height = pixels.shape[0]
    halvings = 0
    while pixels.shape[1] >> (halvings + 1) >= width and height % (2 << halvings) == 0:
        halvings += 1
    rows = SHRINK_STRIP << halvings
    strips = []
    for top in range(0, height, rows):
        strip = pixels[top : top + rows]
        for _ in range(halvings):
            strip = cv2.resize(
                strip, (strip.shape[1] // 2, strip.shape[0] // 2), interpolation=cv2.INTER_AREA
            )
        strips.append(strip)
    reduced = np.vstack(strips)
    if reduced.shape[:2] == (width // 2, width):
        return reduced
    return cv2.resize(reduced, (width, width // 2), interpolation=cv2.INTER_AREA)


def render_preview(
    photo: Path | np.ndarray | CubeFaces | DecodedCube,
    out_path: Path,
    yaw: float,
    pitch: float,
    fov: float,
    size: tuple[int, int] = (1024, 576),
    quality: int = 60,
    max_bytes: int = 60_000,
) -> tuple[int, int]:
    """A flat rendering of the initial view (degrees; fov vertical as in Photo Sphere Viewer).

    It is inlined in index.html, so the JPEG quality is the highest of `quality`, `quality` - 5, ... 35 whose
    file fits in `max_bytes` (35 if none does). Cube faces are drawn from straight away (cube.cube_view).
    """
    if isinstance(photo, CubeFaces):
        photo = open_cube(photo)
    if isinstance(photo, DecodedCube):
        view = cube_view(photo, yaw, pitch, fov, size)
    else:
        view = _equirect_view(photo, yaw, pitch, fov, size)
    jpeg.write(Path(out_path), _fitting_jpeg(view, list(range(quality, 34, -5)) or [quality], max_bytes))
    return size


def _equirect_view(
    photo: Path | np.ndarray, yaw: float, pitch: float, fov: float, size: tuple[int, int]
) -> np.ndarray:
    """The view of an equirect. The photo is first area-reduced to about the view's own sampling: that
    avoids aliasing, and the bytes aliasing costs in a JPEG. Halvings (cheap) get it within
    SOFTEST..SHARPEST of that; only a photo still sharper than SHARPEST is resized to it exactly (dear)."""
    pixels = photo if isinstance(photo, np.ndarray) else open_panorama(Path(photo))
    wanted = int(
        2 * math.pi * (size[1] / 2) / math.tan(math.radians(fov) / 2)
    )  # photo width at view sampling
    reduced = pixels.shape[1]
    while reduced / 2 >= wanted * SOFTEST:
        reduced //= 2
    if reduced < pixels.shape[1]:
        pixels = _shrink(pixels, reduced)
    if pixels.shape[1] > wanted * SHARPEST:
        pixels = cv2.resize(pixels, (wanted, wanted // 2), interpolation=cv2.INTER_AREA)
    map_x, map_y = camera_maps(yaw, pitch, fov, size, pixels.shape[1], pixels.shape[0])
    return cv2.remap(pixels, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_WRAP)


def _fitting_jpeg(pixels: np.ndarray, qualities: list[int], max_bytes: int) -> bytes:
    """The JPEG at the highest of `qualities` (descending) that fits in max_bytes, else at the lowest;
    by bisection: three or four encodes where stepping down took up to six."""
    encoded: dict[int, bytes] = {}

    def at(index: int) -> bytes:
        if index not in encoded:
            encoded[index] = jpeg.encode(pixels, qualities[index])
        return encoded[index]

    low, high = 0, len(qualities) - 1
    while low < high:
        middle = (low + high) // 2
        if len(at(middle)) <= max_bytes:
            high = middle
        else:
            low = middle + 1
    return at(low)
