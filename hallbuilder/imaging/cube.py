"""Six cube faces as a panorama: their checks, their decode, and the small equirect made from them.

The tiler cuts the faces straight into tiles (tiler.tile_cube). Only the thumbnail and the initial-view
preview, which are drawn from an equirectangular image, need one: it is made here, at most PREVIEW_WIDTH
wide, by one remap from the six faces (bilinear inside a face, edges clamped: a half-pixel difference at
face seams that a 512 px thumbnail or a 1024 px preview cannot show).

A cube of N-pixel faces is planned like an equirect `round(π·N)` wide (equivalent_width): both have the
same detail at the face centres (N/2 pixels per unit of tan, W/2π pixels per radian), so the pyramid keeps
the faces' detail without upscaling and one level rule (plan.py) serves both kinds of photo.
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np

from hallbuilder.errors import PhotoError
from hallbuilder.imaging.faces import FACE_NAMES, CubeFaces
from hallbuilder.imaging.photo import MAX_PIXELS, MIN_WIDTH, PhotoInfo, open_panorama, read_header
from hallbuilder.imaging.plan import FACES

MIN_FACE = math.ceil(MIN_WIDTH / math.pi)  # the same least detail as a 1024-wide equirect
SHARP_FACE = 2600  # about an 8192-wide equirect
MAX_FACE = math.isqrt(MAX_PIXELS // len(FACES))  # six faces decoded hold as much as the largest equirect
PREVIEW_WIDTH = 8192  # the preview at its narrowest field of view (30°) wants about 6800
ROWS_AT_A_TIME = 256


def equivalent_width(face_size: int) -> int:
    """The width of an equirect with the faces' detail: what the plan is made from."""
    return round(math.pi * face_size)


def inspect_cube(cube: CubeFaces) -> tuple[int, list[PhotoInfo]]:
    """(face size, each face's header) after checking every face: readable, square, all the same size.

    Every problem of the six faces is reported at once (PhotoError.problems, each naming its file).
    """
    infos: dict[str, PhotoInfo] = {}
    problems = []
    for face, path in cube.by_face().items():
        try:
            infos[face] = read_header(path)
        except PhotoError as error:
            problems.append(error.message)
    for face, info in infos.items():
        if info.width != info.height:
            problems.append(
                f"{info.path}: the {FACE_NAMES[face]} face is {info.width}×{info.height} pixels, but cube faces "
                "are square; export the six faces again from the stitcher (each N×N, e.g. 2048×2048)"
            )
    square = {face: info.width for face, info in infos.items() if info.width == info.height}
    sizes = sorted(set(square.values()))
    if len(sizes) > 1:
        groups = "; ".join(
            f"{', '.join(FACE_NAMES[face] for face in square if square[face] == size)} {size}×{size}"
            for size in sizes
        )
        folder = cube.files[0].parent
        problems.append(f"{folder}: the cube faces differ in size ({groups}); export all six at one size")
    elif sizes:
        problems += _size_problems(cube.files[0].parent, sizes[0])
    if problems:
        raise PhotoError(f"{len(problems)} cube face problem(s)", problems=problems)
    return sizes[0], [infos[face] for face in FACES]


def _size_problems(folder: Path, size: int) -> list[str]:
    if size < MIN_FACE:
        return [
            f"{folder}: the cube faces are only {size}×{size} pixels; faces must be at least "
            f"{MIN_FACE}×{MIN_FACE} ({SHARP_FACE}×{SHARP_FACE} or more looks sharp); use the full-size export"
        ]
    if size > MAX_FACE:
        return [
            f"{folder}: the cube faces are {size}×{size} pixels, more than the {MAX_FACE}×{MAX_FACE} limit; "
            f"export them at 4096×4096 (or smaller)"
        ]
    return []


def check_cube(cube: CubeFaces) -> int:
    """inspect_cube plus a full decode of every face (the only way to find a truncated file); the face size."""
    size, infos = inspect_cube(cube)
    problems = []
    for info in infos:
        try:
            open_panorama(info.path, info)
        except PhotoError as error:
            problems.append(error.message)
    if problems:
        raise PhotoError(f"{len(problems)} cube face problem(s)", problems=problems)
    return size


def open_face(info: PhotoInfo) -> np.ndarray:
    """One face as (N, N, 3) uint8 RGB, decoded and colour-converted as a photo is."""
    return open_panorama(info.path, info)


def cube_to_equirect(faces: dict[str, np.ndarray], width: int) -> np.ndarray:
    """A width × width/2 equirect of the six faces (FACES names, geometry.py's orientation)."""
    size = next(iter(faces.values())).shape[0]
    # the faces one above the other, each with a one-pixel border of its own edge for bilinear sampling
    atlas = np.vstack([cv2.copyMakeBorder(faces[face], 1, 1, 1, 1, cv2.BORDER_REPLICATE) for face in FACES])
    height = width // 2
    lon = ((np.arange(width, dtype=np.float32) + 0.5) / width * 2 - 1) * np.float32(math.pi)
    out = np.empty((height, width, 3), np.uint8)
    for top in range(0, height, ROWS_AT_A_TIME):
        rows = np.arange(top, min(height, top + ROWS_AT_A_TIME), dtype=np.float32)
        lat = (0.5 - (rows + 0.5) / height) * np.float32(math.pi)
        x = np.cos(lat)[:, None] * np.sin(lon)[None, :]
        y = np.broadcast_to(np.sin(lat)[:, None], x.shape)
        z = np.cos(lat)[:, None] * np.cos(lon)[None, :]
        map_x, map_y = _atlas_coords(x, y, z, size)
        out[top : top + len(rows)] = cv2.remap(atlas, map_x, map_y, cv2.INTER_LINEAR)
    return out


def _atlas_coords(x, y, z, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Atlas pixel coordinates of directions: the face each points through, then (a, b) on that face.

    The inverse of geometry.face_direction: e.g. front is (a, -b, 1), so a = x/z and b = -y/z.
    """
    ax, ay, az = np.abs(x), np.abs(y), np.abs(z)
    side = (ax >= ay) & (ax >= az)
    vertical = ~side & (ay >= az)
    index = np.where(
        side, np.where(x > 0, 1, 3), np.where(vertical, np.where(y > 0, 4, 5), np.where(z > 0, 0, 2))
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.select(
            [index == 0, index == 1, index == 2, index == 3, index == 4],
            [x / z, -z / x, x / z, -z / x, x / y],
            -x / y,
        )
        b = np.select(
            [index == 0, index == 1, index == 2, index == 3, index == 4],
            [-y / z, -y / x, y / z, y / x, z / y],
            z / y,
        )
    map_x = ((a + 1) * (size / 2) - 0.5 + 1).astype(np.float32)
    map_y = ((b + 1) * (size / 2) - 0.5 + 1 + index * (size + 2)).astype(np.float32)
    return map_x, map_y


def small_equirect(faces: dict[str, np.ndarray]) -> np.ndarray:
    """The equirect the thumbnail and preview are drawn from: the faces' detail, at most PREVIEW_WIDTH."""
    size = next(iter(faces.values())).shape[0]
    width = min(PREVIEW_WIDTH, equivalent_width(size))
    return cube_to_equirect(faces, width - width % 4)


def open_equirect(cube: CubeFaces) -> np.ndarray:
    """small_equirect of the cube's files (when the preview of a new initial view is wanted later)."""
    _, infos = inspect_cube(cube)
    return small_equirect({face: open_face(info) for face, info in zip(FACES, infos, strict=True)})
