"""The small images shown before tiles load: the base net, the gallery thumbnail and the initial view."""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np

from hallbuilder.imaging import jpeg
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
    """Area-average to `width` (2:1), first skipping pixels when the photo is over 4× larger (cheap at 16K)."""
    step = max(1, pixels.shape[1] // (4 * width))
    source = pixels[::step, ::step] if step > 1 else pixels
    return cv2.resize(source, (width, width // 2), interpolation=cv2.INTER_AREA)


def render_preview(
    photo: Path | np.ndarray,
    out_path: Path,
    yaw: float,
    pitch: float,
    fov: float,
    size: tuple[int, int] = (1024, 576),
    quality: int = 60,
) -> tuple[int, int]:
    """A flat rendering of the initial view (degrees; fov vertical as in Photo Sphere Viewer).

    The photo is first area-reduced to about the view's own sampling, which avoids aliasing (and the
    bytes that aliasing costs in the JPEG).
    """
    pixels = photo if isinstance(photo, np.ndarray) else open_panorama(Path(photo))
    width, height = size
    pixels_per_radian = (height / 2) / math.tan(math.radians(fov) / 2)
    wanted = int(2 * math.pi * pixels_per_radian) // 2 * 2
    if wanted < pixels.shape[1]:
        pixels = _shrink(pixels, wanted)
    map_x, map_y = camera_maps(yaw, pitch, fov, size, pixels.shape[1], pixels.shape[0])
    view = cv2.remap(pixels, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_WRAP)
    jpeg.save(Path(out_path), view, quality)
    return width, height
