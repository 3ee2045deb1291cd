"""Six cube faces as a panorama: their checks, their decode, and the thumbnail and preview drawn from them.

The tiler cuts the faces straight into tiles (tiler.tile_cube). The thumbnail (a small equirect) and the
initial-view preview are drawn straight from the faces too: each output pixel's direction picks a face and a
point on it, sampled bilinearly from the faces area-reduced to the output's own sampling (so there is no
aliasing, and no big equirect is ever made). Face edges are clamped: half a pixel at face seams, which a
512 px thumbnail or a 1024 px preview cannot show.

A cube of N-pixel faces is planned like an equirect `round(π·N)` wide (equivalent_width): both have the
same detail at the face centres (N/2 pixels per unit of tan, W/2π pixels per radian), so the pyramid keeps
the faces' detail without upscaling and one level rule (plan.py) serves both kinds of photo.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import cv2
import numpy as np

from hallbuilder.errors import PhotoError
from hallbuilder.imaging.faces import FACE_NAMES, CubeFaces
from hallbuilder.imaging.geometry import camera_rays
from hallbuilder.imaging.photo import MAX_PIXELS, MIN_WIDTH, PhotoInfo, open_panorama, read_header
from hallbuilder.imaging.plan import FACES

MIN_FACE = math.ceil(MIN_WIDTH / math.pi)  # the same least detail as a 1024-wide equirect
SHARP_FACE = 2600  # about an 8192-wide equirect
MAX_FACE = math.isqrt(MAX_PIXELS // len(FACES))  # six faces decoded hold as much as the largest equirect
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


@dataclass(frozen=True)
class DecodedCube:
    """Six decoded faces (FACES names, all N×N): what the thumbnail and the preview are drawn from."""

    faces: dict[str, np.ndarray]

    @property
    def size(self) -> int:
        return next(iter(self.faces.values())).shape[0]

    def reduced(self, size: int) -> DecodedCube:
        """The faces area-averaged to `size` when larger (sampling them at a coarser rate would alias)."""
        if size >= self.size:
            return self
        return DecodedCube(
            {
                face: cv2.resize(pixels, (size, size), interpolation=cv2.INTER_AREA)
                for face, pixels in self.faces.items()
            }
        )

    @cached_property
    def atlas(self) -> np.ndarray:
        """The faces one above the other, each with a one-pixel border of its own edge (for bilinear)."""
        return np.vstack(
            [cv2.copyMakeBorder(self.faces[face], 1, 1, 1, 1, cv2.BORDER_REPLICATE) for face in FACES]
        )

    def sample(self, x, y, z) -> np.ndarray:
        """Bilinear samples of the faces in directions (x, y, z), arrays of the output's shape."""
        map_x, map_y = _atlas_coords(x, y, z, self.size)
        return cv2.remap(self.atlas, map_x, map_y, cv2.INTER_LINEAR)


def open_cube(cube: CubeFaces) -> DecodedCube:
    """The six faces of the files, decoded (after inspect_cube's checks)."""
    _, infos = inspect_cube(cube)
    return DecodedCube({face: open_face(info) for face, info in zip(FACES, infos, strict=True)})


def cube_to_equirect(cube: DecodedCube, width: int) -> np.ndarray:
    """A width × width/2 equirect of the faces (geometry.py's orientation), made in row bands."""
    height = width // 2
    lon = ((np.arange(width, dtype=np.float32) + 0.5) / width * 2 - 1) * np.float32(math.pi)
    out = np.empty((height, width, 3), np.uint8)
    for top in range(0, height, ROWS_AT_A_TIME):
        rows = np.arange(top, min(height, top + ROWS_AT_A_TIME), dtype=np.float32)
        lat = (0.5 - (rows + 0.5) / height) * np.float32(math.pi)
        x = np.cos(lat)[:, None] * np.sin(lon)[None, :]
        y = np.broadcast_to(np.sin(lat)[:, None], x.shape)
        z = np.cos(lat)[:, None] * np.cos(lon)[None, :]
        out[top : top + len(rows)] = cube.sample(x, y, z)
    return out


def cube_thumbnail(cube: DecodedCube, width: int) -> np.ndarray:
    """The width × width/2 equirect thumbnail: drawn at twice its size from faces reduced to that sampling
    (2·width/π), then area-halved, which comes close to the area average an equirect's thumbnail is."""
    double = cube_to_equirect(cube.reduced(round(2 * width / math.pi)), 2 * width)
    return cv2.resize(double, (width, width // 2), interpolation=cv2.INTER_AREA)


def cube_view(cube: DecodedCube, yaw: float, pitch: float, fov: float, size: tuple[int, int]) -> np.ndarray:
    """A flat view (geometry.camera_rays), drawn straight from the faces reduced to the view's sampling."""
    x, y, z = camera_rays(yaw, pitch, fov, size)
    wanted = math.ceil(size[1] / math.tan(math.radians(fov) / 2))  # face pixels per unit of tan: the view's
    return cube.reduced(wanted).sample(x, np.broadcast_to(y, x.shape), z)


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
    # (numerator of a, numerator of b, denominator) per face, in FACES order
    across = np.choose(index, [x, -z, x, -z, x, -x])
    down = np.choose(index, [-y, -y, y, y, z, z])
    depth = np.choose(index, [z, x, z, x, y, y])
    half = np.float32(size / 2)
    map_x = (across / depth + 1) * half + np.float32(0.5)  # - 0.5 to pixel centres, + 1 for the border
    map_y = (down / depth + 1) * half + np.float32(0.5) + (index * (size + 2)).astype(np.float32)
    return map_x.astype(np.float32, copy=False), map_y.astype(np.float32, copy=False)
