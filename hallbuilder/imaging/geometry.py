"""Cube and camera geometry: where each output pixel samples the equirectangular photo.

Hand-written because no library does this job well enough: py360convert (the reference in our tests)
samples faces on an end-point grid, which stretches every face by one pixel and doubles the edge pixels
(visible as lines between tiles), computes a full float table per face and needs ~7 GB at 16K.

Conventions (those of krpano, Pannellum and Marzipano):

* Directions are (x right, y up, z forward). Yaw 0 is the photo's centre column, +90° is to the right;
  pitch is positive upwards. Photo pixel (col, row) has its centre at longitude (col + ½)/W·360° − 180°
  and latitude 90° − (row + ½)/H·180°.
* Face pixel (i, j) of an N-pixel face samples at a = 2(i + ½)/N − 1 (left → right) and
  b = 2(j + ½)/N − 1 (top → bottom): pixel centres, never end points.
* Side faces are upright; the top face's bottom edge meets the front's top edge and the bottom face's top
  edge meets the front's bottom edge (Photo Sphere Viewer shows this with `flipTopBottom: true`).

Only two remap tables are computed per geometry, left and top, in OpenCV's fixed-point format (1/32 px),
each on a quarter of the face and mirrored (their angles are even or odd in both face axes);
front, right and back are the left face turned by a quarter of the photo width per face, and the bottom
is the top table mirrored in latitude. Columns wrap around the photo's seam (BORDER_WRAP); rows are
clamped at the poles.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import cv2
import numpy as np

SUBPIXELS = 32  # OpenCV's INTER_TAB_SIZE: fixed-point maps hold 1/32 px
ROW_FRACTION = (SUBPIXELS - 1) * SUBPIXELS  # bits of the row fraction in the `frac` map (fy * 32 + fx)
TABLE_BAND = 256  # rows of float temporaries at a time, to bound memory at 16K


def face_direction(face: str, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unnormalised direction (x, y, z) of face coordinates a (left→right) and b (top→bottom) in -1..1."""
    one = np.ones((1, 1), np.float32)
    if face == "front":
        return a, -b, one
    if face == "right":
        return one, -b, -a
    if face == "back":
        return -a, -b, -one
    if face == "left":
        return -one, -b, a
    if face == "top":
        return a, one, b
    return a, -one, -b  # bottom


def equirect_coords(x, y, z, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """Photo pixel coordinates (float32, origin at pixel centres) of directions; rows clamped to the photo.

    Inputs may broadcast (a row of columns against a column of rows): the side faces' longitude then
    costs one arctan per column, not per pixel.
    """
    return angles_to_pixels(np.arctan2(x, z), np.arctan2(y, np.hypot(x, z)), width, height)


def angles_to_pixels(lon, lat, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """Longitude and latitude (radians, may broadcast) → float32 photo pixel coordinates, rows clamped."""
    px = lon * np.float32(width / (2 * math.pi)) + np.float32(width / 2 - 0.5)
    py = lat * np.float32(-height / math.pi) + np.float32(height / 2 - 0.5)
    shape = np.broadcast_shapes(px.shape, py.shape)
    px = np.ascontiguousarray(np.broadcast_to(px, shape), dtype=np.float32)
    py = np.clip(np.broadcast_to(py, shape), 0, height - 1).astype(np.float32, copy=False)
    return px, py


@dataclass
class FaceTable:
    """Fixed-point remap table of one face: `xy` int16 (N, N, 2) and `frac` uint16 (N, N)."""

    xy: np.ndarray
    frac: np.ndarray


_TABLES: dict[tuple[str, int, int, int], FaceTable] = {}
_TABLES_LOCK = threading.Lock()


def face_table(face: str, size: int, width: int, height: int) -> FaceTable:
    """The remap table of `face` at `size` px for a width × height photo.

    Tables of the last geometry are kept (halls usually shoot every scene with one camera); tables of
    another geometry are dropped before a new one is built, so that two never add up (330 MB at 16K).
    The arrays are read-only, as they are shared.
    """
    geometry = (size, width, height)
    with _TABLES_LOCK:
        for key in [key for key in _TABLES if key[1:] != geometry]:
            del _TABLES[key]
        table = _TABLES.get((face, *geometry))
    if table is None:
        table = _build_table(face, size, width, height)
        with _TABLES_LOCK:
            _TABLES[(face, *geometry)] = table
    return table


def _build_table(face: str, size: int, width: int, height: int) -> FaceTable:
    """Float directions → fixed-point maps, in row bands to bound the float temporaries."""
    xy = np.empty((size, size, 2), np.int16)
    frac = np.empty((size, size), np.uint16)
    a = ((np.arange(size, dtype=np.float32) + np.float32(0.5)) * np.float32(2 / size) - 1).astype(np.float32)
    if face in MIRRORED_ANGLES and size % 2 == 0:
        # the upper half of the rows is computed; each band also fills its mirror image in the lower half
        for top in range(0, size // 2, TABLE_BAND):
            rows = slice(top, min(size // 2, top + TABLE_BAND))
            lower = slice(size - rows.stop, size - rows.start)
            upper_angles, lower_angles = MIRRORED_ANGLES[face](a, a[rows])
            for band, (lon, lat) in ((rows, upper_angles), (lower, lower_angles)):
                xy[band], frac[band] = cv2.convertMaps(
                    *angles_to_pixels(lon, lat, width, height), cv2.CV_16SC2
                )
    else:
        for top in range(0, size, TABLE_BAND):
            rows = slice(top, min(size, top + TABLE_BAND))
            px, py = equirect_coords(*face_direction(face, a[None, :], a[rows, None]), width, height)
            xy[rows], frac[rows] = cv2.convertMaps(px, py, cv2.CV_16SC2)
    xy.flags.writeable = frac.flags.writeable = False
    return FaceTable(xy, frac)


Angles = tuple[np.ndarray, np.ndarray]


def _left_angles(a: np.ndarray, b: np.ndarray) -> tuple[Angles, Angles]:
    """(lon, lat) of the left face's rows `b` (upper half, b < 0) and of their mirror rows (-b).

    Direction (-1, -b, a): the longitude depends on the column only; the latitude
    atan(-b / sqrt(1 + a²)) is even in a and odd in b, so a quarter of the face is computed.
    """
    lon = np.arctan2(np.float32(-1), a)[None, :]
    half = a[: a.size // 2]
    lat = np.arctan(-b[:, None] / np.sqrt(1 + half * half)[None, :])
    lat = np.hstack([lat, lat[:, ::-1]])
    return (lon, lat), (lon, -lat[::-1])


def _top_angles(a: np.ndarray, b: np.ndarray) -> tuple[Angles, Angles]:
    """(lon, lat) of the top face's rows `b` (upper half, b < 0) and of their mirror rows (-b).

    Direction (a, 1, b). On the quarter a < 0, b < 0 the longitude atan2(a, b) is atan(a / b) − π; the
    other quarters follow from atan2(−a, b) = −atan2(a, b) and atan2(a, −b) = sign(a)·π − atan2(a, b).
    The latitude atan(1 / hypot(a, b)) is even in both. A quarter of the face is computed.
    """
    half = a[: a.size // 2]
    lon = np.arctan(half[None, :] / b[:, None]) - np.float32(math.pi)
    lon = np.hstack([lon, -lon[:, ::-1]])
    lat = np.arctan(1 / np.sqrt(half[None, :] ** 2 + b[:, None] ** 2))
    lat = np.hstack([lat, lat[:, ::-1]])
    side = np.where(a < 0, np.float32(-math.pi), np.float32(math.pi))[None, :]
    return (lon, lat), (side - lon[::-1], lat[::-1])


# Faces whose table is computed on a quarter and mirrored: the two tables the tiler builds (~6× faster).
MIRRORED_ANGLES = {"left": _left_angles, "top": _top_angles}


# quarter turns to the right of the left face, for the side faces
SIDE_TURNS = {"left": 0, "front": 1, "right": 2, "back": 3}


def source_table(face: str) -> str:
    """Which of the two computed tables a face is derived from."""
    return "left" if face in SIDE_TURNS else "top"


def sample_band(photo: np.ndarray, table: FaceTable, face: str, rows: slice) -> np.ndarray:
    """Rows `rows` of `face`, sampled with the left table (side faces) or the top table.

    Side faces are the left face turned right. When a quarter turn is a whole number of columns, front
    and right use the left maps unchanged on a view of the photo that starts W/4 or W/2 columns later
    (no copy, no arithmetic: their samples never reach the view's edge); back crosses the photo's seam,
    so its maps are shifted instead.
    """
    height, width = photo.shape[:2]
    if face == "top":
        return sample(photo, table.xy[rows], table.frac[rows])
    if face == "bottom":
        return sample(photo, *_mirror_latitude(table, rows, height))
    turns = SIDE_TURNS[face]
    if width % 4 == 0 and turns < 3:
        return sample(photo[:, turns * width // 4 :], table.xy[rows], table.frac[rows])
    return sample(photo, *_shift_columns(table, rows, turns, width))


def _shift_columns(table: FaceTable, rows: slice, turns: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The maps turned `turns` quarter turns right: x + turns·W/4, wrapped, exact in 1/32 px."""
    xy = table.xy[rows]
    frac = table.frac[rows]
    if turns == 0:
        return xy, frac
    if width % 4:  # a quarter turn is not a whole number of columns: shift in 1/32 px
        return _shift_subpixel(xy, frac, turns, width)
    shifted = xy.copy()
    columns = shifted[..., 0]
    columns += turns * width // 4
    columns[columns >= width] -= width
    return shifted, frac


def _shift_subpixel(
    xy: np.ndarray, frac: np.ndarray, turns: int, width: int
) -> tuple[np.ndarray, np.ndarray]:
    fixed_x = xy[..., 0].astype(np.int32) * SUBPIXELS + (frac & (SUBPIXELS - 1))
    fixed_x += turns * width * SUBPIXELS // 4
    fixed_x %= width * SUBPIXELS
    shifted = np.empty_like(xy)
    shifted[..., 0] = fixed_x >> 5
    shifted[..., 1] = xy[..., 1]
    new_frac = (frac & ~np.uint16(SUBPIXELS - 1)) | (fixed_x & (SUBPIXELS - 1)).astype(np.uint16)
    return shifted, new_frac


def _mirror_latitude(top: FaceTable, rows: slice, height: int) -> tuple[np.ndarray, np.ndarray]:
    """Bottom-face maps: the top table's rows reversed, latitude negated (y → H - 1 - y).

    In fixed point y = row + fy/32, so H - 1 - y is (H - 1 - row) when fy is 0, else
    (H - 2 - row) + (32 - fy)/32; done on the int16/uint16 maps directly (no int32 copies).
    """
    size = top.xy.shape[0]
    start, stop, _ = rows.indices(size)
    mirrored = slice(size - 1 - start, (size - 1 - stop) if stop < size else None, -1)
    xy = top.xy[mirrored]
    frac = top.frac[mirrored]
    fraction_y = frac & np.uint16(ROW_FRACTION)
    flipped = np.empty_like(xy)
    flipped[..., 0] = xy[..., 0]
    np.subtract(np.int16(height - 1), xy[..., 1], out=flipped[..., 1])
    flipped[..., 1] -= fraction_y != 0
    new_frac = (np.uint16(SUBPIXELS * SUBPIXELS) - fraction_y) & np.uint16(ROW_FRACTION)
    new_frac |= frac & np.uint16(SUBPIXELS - 1)
    return flipped, new_frac


def sample(photo: np.ndarray, xy: np.ndarray, frac: np.ndarray) -> np.ndarray:
    """Bilinear samples of the photo at fixed-point maps; columns wrap around the 360° seam."""
    return cv2.remap(photo, xy, frac, cv2.INTER_LINEAR, borderMode=cv2.BORDER_WRAP)


def camera_rays(
    yaw: float, pitch: float, fov: float, size: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unnormalised ray directions (x, y, z) of a rectilinear camera's pixels; see camera_maps.

    x and z are whole-image arrays, y one value per row (it broadcasts against them).
    """
    out_w, out_h = size
    focal = (out_h / 2) / math.tan(math.radians(fov) / 2)
    u = ((np.arange(out_w, dtype=np.float32) + np.float32(0.5 - out_w / 2)) / np.float32(focal))[None, :]
    v = (-(np.arange(out_h, dtype=np.float32) + np.float32(0.5 - out_h / 2)) / np.float32(focal))[:, None]
    p, w = math.radians(pitch), math.radians(yaw)
    y = v * np.float32(math.cos(p)) + np.float32(math.sin(p))  # per row
    depth = np.float32(math.cos(p)) - v * np.float32(math.sin(p))  # per row
    x = u * np.float32(math.cos(w)) + depth * np.float32(math.sin(w))
    z = depth * np.float32(math.cos(w)) - u * np.float32(math.sin(w))
    return x, y, z


def camera_maps(
    yaw: float, pitch: float, fov: float, size: tuple[int, int], width: int, height: int
) -> tuple[np.ndarray, np.ndarray]:
    """Float maps of a rectilinear camera: degrees, `fov` vertical, yaw right-positive, pitch up-positive.

    A ray (u, v, 1) is turned by the pitch (which mixes only v and the depth, so per row) and then by the
    yaw: only that last turn needs whole-image arrays, built by broadcasting a row against a column.
    """
    x, y, z = camera_rays(yaw, pitch, fov, size)
    px, py = equirect_coords(x, np.broadcast_to(y, x.shape), z, width, height)
    return np.remainder(px, width).astype(np.float32), py
