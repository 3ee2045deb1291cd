"""The nadir logo: the organisation's round logo over the tripod, patched into the bottom face's tiles.

Plan → write → validate, like the tiler, for one face: the bottom face is sampled again from the photo at the
top level, the logo is blended into its pixels (before any encoding, so the tile format does not matter), and
the face's pyramid and a base.jpg with the patched bottom cell are written into a variant folder of the
photo's cache entry. The photo's tiles stay as they are: changing the logo re-tiles the bottom face only.

Geometry: the bottom face is a gnomonic view of the nadir, so a disc of angular radius r around the nadir is a
circle of radius tan(r) × face/2 pixels around the face's centre (the face's edge midpoints are 45° away).
The logo stands upright for a visitor looking down while facing the photo's centre (the front face).
"""

from __future__ import annotations

import hashlib
import math
import shutil
from pathlib import Path

import cv2
import numpy as np

from hallbuilder.errors import BuildError
from hallbuilder.imaging import jpeg
from hallbuilder.imaging.cube import open_face
from hallbuilder.imaging.faces import CubeFaces
from hallbuilder.imaging.geometry import face_table, sample_band, source_table
from hallbuilder.imaging.photo import open_panorama, read_header
from hallbuilder.imaging.plan import GEOMETRY_VERSION, Level, TileSettings
from hallbuilder.imaging.previews import NET_CELLS
from hallbuilder.imaging.tiler import tile_path
from hallbuilder.imaging.validate import _check_jpeg

FACE = "bottom"
DONE = "nadir.done"


def nadir_key(logo: Path, size: float, settings: TileSettings) -> str:
    """The variant's name: the logo's bytes, its size and what shapes the tiles (the photo is the entry's)."""
    digest = hashlib.sha256(f"nadir:{GEOMETRY_VERSION}:{size:g}:{settings.key()}\n".encode())
    digest.update(Path(logo).read_bytes())
    return f"nadir-{digest.hexdigest()[:12]}"


def disc_radius(face_size: int, size: float) -> float:
    """Pixels from the face's centre to the edge of a logo `size` degrees across."""
    return math.tan(math.radians(size / 2)) * face_size / 2


def logo_disc(logo: Path, diameter: int) -> np.ndarray:
    """The logo as a diameter² RGBA float array in 0..1, fitted into the circle, its corners cut round."""
    from PIL import Image, ImageOps

    try:
        with Image.open(logo) as opened:
            picture = ImageOps.contain(opened.convert("RGBA"), (diameter, diameter), Image.Resampling.LANCZOS)
    except (OSError, ValueError, Image.DecompressionBombError):
        raise BuildError(f"{logo}: the nadir logo is not a readable image; export it again as PNG") from None
    canvas = Image.new("RGBA", (diameter, diameter), (0, 0, 0, 0))
    canvas.paste(picture, ((diameter - picture.width) // 2, (diameter - picture.height) // 2))
    pixels = np.asarray(canvas, np.float32) / 255
    centre = (diameter - 1) / 2
    y, x = np.mgrid[0:diameter, 0:diameter]
    inside = np.clip(diameter / 2 - np.hypot(x - centre, y - centre) + 0.5, 0, 1)  # one soft pixel of edge
    pixels[..., 3] *= inside
    return pixels


def patch_face(face: np.ndarray, logo: Path, size: float) -> np.ndarray:
    """A copy of the bottom face (RGB uint8) with the logo blended over its centre."""
    radius = disc_radius(face.shape[0], size)
    diameter = max(1, round(2 * radius))
    disc = logo_disc(logo, diameter)
    top = (face.shape[0] - diameter) // 2
    out = face.copy()
    area = out[top : top + diameter, top : top + diameter].astype(np.float32) / 255
    alpha = disc[..., 3:]
    blended = disc[..., :3] * alpha + area * (1 - alpha)
    out[top : top + diameter, top : top + diameter] = np.rint(blended * 255).astype(np.uint8)
    return out


def bottom_face(photo: Path | CubeFaces, face_size: int) -> np.ndarray:
    """The photo's bottom face at `face_size`, sampled as the tiler samples it."""
    if isinstance(photo, CubeFaces):
        pixels = open_face(read_header(photo.by_face()[FACE]))
        if pixels.shape[0] == face_size:
            return pixels
        method = cv2.INTER_AREA if pixels.shape[0] > face_size else cv2.INTER_CUBIC
        return cv2.resize(pixels, (face_size, face_size), interpolation=method)
    pixels = open_panorama(Path(photo))
    table = face_table(source_table(FACE), face_size, pixels.shape[1], pixels.shape[0])
    return sample_band(pixels, table, FACE, slice(0, face_size))


def write_variant(
    photo: Path | CubeFaces, entry: Path, logo: Path, size: float, levels: list[Level], settings: TileSettings
) -> str:
    """Write `entry/<key>/` (bottom tiles and base.jpg) unless it is whole already; returns the key."""
    key = nadir_key(logo, size, settings)
    folder = entry / key
    if (folder / DONE).exists():
        return key
    work = entry / f"{key}.partial"
    shutil.rmtree(work, ignore_errors=True)
    face = patch_face(bottom_face(photo, levels[-1].face_size), logo, size)
    for index in range(len(levels) - 1, -1, -1):
        write_face_level(work, index, levels[index], face, settings)
        smallest = face
        face = cv2.resize(face, (face.shape[1] // 2, face.shape[0] // 2), interpolation=cv2.INTER_AREA)
    write_base(entry / "base.jpg", work / "base.jpg", smallest, settings)
    errors = validate_variant(work, levels, settings)
    if errors:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildError("The nadir logo's tiles came out damaged; nothing was shipped.", problems=errors)
    (work / DONE).write_text(key, "utf-8")
    for old in entry.glob("nadir-*"):  # one logo at a time: an older variant is of no more use
        if old != work:
            shutil.rmtree(old, ignore_errors=True)
    work.rename(folder)
    return key


def write_face_level(out: Path, index: int, level: Level, face: np.ndarray, settings: TileSettings) -> None:
    tile = level.tile_size
    tile_path(out, index, FACE, 0, 0).parent.mkdir(parents=True, exist_ok=True)
    for row in range(level.nb_tiles):
        for col in range(level.nb_tiles):
            pixels = face[row * tile : (row + 1) * tile, col * tile : (col + 1) * tile]
            jpeg.save(tile_path(out, index, FACE, row, col), pixels, settings.quality)


def write_base(base: Path, out: Path, smallest: np.ndarray, settings: TileSettings) -> None:
    """The photo's base.jpg with its bottom cell replaced by the patched face."""
    import simplejpeg

    net = simplejpeg.decode_jpeg(base.read_bytes(), colorspace="RGB").copy()
    size = settings.base_face_size
    col, row = NET_CELLS[FACE]
    cell = cv2.resize(smallest, (size, size), interpolation=cv2.INTER_AREA)
    net[row * size : (row + 1) * size, col * size : (col + 1) * size] = cell
    jpeg.save(out, net, settings.base_quality)


def validate_variant(out: Path, levels: list[Level], settings: TileSettings) -> list[str]:
    """Every bottom tile of the plan at its size, and the base net."""
    errors: list[str] = []
    warnings: list[str] = []
    for index, level in enumerate(levels):
        for row in range(level.nb_tiles):
            for col in range(level.nb_tiles):
                size = (level.tile_size, level.tile_size)
                _check_jpeg(tile_path(out, index, FACE, row, col), size, errors, warnings)
    base = settings.base_face_size
    _check_jpeg(out / "base.jpg", (4 * base, 3 * base), errors, warnings)
    return errors
