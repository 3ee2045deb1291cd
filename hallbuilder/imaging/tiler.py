"""Write one panorama's tile pyramid: plan → write (this module) → validate.

Why it is shaped like this (speed and memory against py360convert + Pillow: `python -m benchmarks tiler`,
figures in docs/benchmarks.md): the remap tables are built once (left and top, see geometry.py) while
the photo decodes; each face is sampled in row bands one tile high, whose top-level tiles are encoded at
once while the lower levels are made by halving the band (2×2 area average) instead of resampling the
photo. Half faces, the thumbnail and the preview run as tasks on two threads: OpenCV and libjpeg-turbo
release the GIL, so both cores work, and tasks this small let both threads finish together.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from hallbuilder.imaging import jpeg
from hallbuilder.imaging.cube import DecodedCube, cube_thumbnail, equivalent_width, inspect_cube, open_face
from hallbuilder.imaging.faces import CubeFaces
from hallbuilder.imaging.geometry import face_table, sample_band, source_table
from hallbuilder.imaging.photo import PhotoInfo, decodes_in_place, inspect_photo, open_panorama
from hallbuilder.imaging.plan import DEFAULT_SETTINGS, FACES, Level, TileSettings, plan_levels
from hallbuilder.imaging.previews import base_net, thumbnail

THREADS = max(2, min(4, os.cpu_count() or 2))  # the 2-core build machine uses both cores
# Where tiles live, relative to the scene's folder: tour.json's panorama.tiles and the viewer's tileUrl.
TILE_TEMPLATE = "tiles/{level}/{face}/{row}_{col}.jpg"
TABLES = ("left", "top")
# Faces in the order the threads take them: dearest first (mirrored bottom, shifted back) evens out the end.
FACE_ORDER = ("bottom", "back", "top", "front", "right", "left")
EARLY_FACES = 2  # then the thumbnail and `also` (a long task), then the other faces: threads end together


@dataclass
class TiledPanorama:
    levels: list[Level]
    tile_size: int
    tiles: int  # number of tile files
    bytes: int  # bytes of every file written (tiles, base.jpg, thumb.jpg)
    width: int  # of the source photo (of cube faces: cube.equivalent_width)
    base_face_size: int


def tile_path(out_dir: Path, level: int, face: str, row: int, col: int) -> Path:
    """Where a tile lives: the CubemapTilesAdapter layout tiles/<level>/<face>/<row>_<col>.jpg."""
    return out_dir / TILE_TEMPLATE.format(level=level, face=face, row=row, col=col)


def tile_panorama(
    photo: Path | np.ndarray | CubeFaces,
    out_dir: Path,
    settings: TileSettings = DEFAULT_SETTINGS,
    progress: Callable[[int], None] | None = None,
    also: Callable[[np.ndarray | DecodedCube], object] | None = None,
) -> TiledPanorama:
    """Write out_dir/tiles/..., out_dir/base.jpg and out_dir/thumb.jpg; `photo` may be already decoded.

    `also(pixels)` (the decoded faces, for a cube) runs on the same pool once the photo is decoded (the build renders its preview there),
    so a caller needing the pixels neither decodes twice nor waits for the decode before the tiling starts.
    Six cube faces go to tile_cube.
    """
    if isinstance(photo, CubeFaces):
        return tile_cube(photo, out_dir, settings, progress, also)
    out_dir = Path(out_dir)
    with ThreadPoolExecutor(THREADS) as pool:
        # The pool runs, in this order: decode and the two remap tables side by side, half faces (each
        # waiting only for what it needs) with the thumbnail and `also` among them; the task finishing
        # the last face writes base.jpg. So both cores stay busy to the end.
        pixels, width, height = _start_decode(pool, photo)
        levels = plan_levels(width, settings)
        tables = {name: pool.submit(face_table, name, levels[-1].face_size, width, height) for name in TABLES}
        _make_folders(out_dir, levels)
        writer = _FaceWriter(_sampler(pixels, tables), levels, settings, out_dir)
        parts = [(face, rows) for face in FACE_ORDER for rows in _halves(levels[-1].nb_tiles)]
        early = len(parts) * EARLY_FACES // len(FACE_ORDER)
        faces = [pool.submit(writer.write_rows, face, rows) for face, rows in parts[:early]]
        thumb = pool.submit(_write_thumbnail, pixels, out_dir / "thumb.jpg", settings)
        extra = pool.submit(lambda: also(pixels.result())) if also else None
        faces += [pool.submit(writer.write_rows, face, rows) for face, rows in parts[early:]]
        _report(faces, writer.written, progress)
        total = writer.bytes + thumb.result()
        if extra is not None:
            extra.result()
    return TiledPanorama(levels, levels[-1].tile_size, writer.tiles, total, width, settings.base_face_size)


def _sampler(pixels: Future, tables: dict[str, Future]) -> Callable[[str, slice], np.ndarray]:
    """Bands of a face sampled from the equirect photo, once it is decoded and its table built."""

    def band(face: str, rows: slice) -> np.ndarray:
        return sample_band(pixels.result(), tables[source_table(face)].result(), face, rows)

    return band


def tile_cube(
    cube: CubeFaces,
    out_dir: Path,
    settings: TileSettings = DEFAULT_SETTINGS,
    progress: Callable[[int], None] | None = None,
    also: Callable[[DecodedCube], object] | None = None,
) -> TiledPanorama:
    """tile_panorama for six cube faces: each face is resized to the top level and cut, never reprojected.

    The faces are in the tiles' own orientation (faces.py), so no face is turned. The thumbnail is drawn
    from the faces (cube.cube_thumbnail), and `also` gets them decoded (a cube.DecodedCube).
    """
    out_dir = Path(out_dir)
    size, infos = inspect_cube(cube)
    width = equivalent_width(size)
    levels = plan_levels(width, settings)
    top = levels[-1].face_size
    with ThreadPoolExecutor(THREADS) as pool:
        faces = {face: pool.submit(_face_at, info, top) for face, info in zip(FACES, infos, strict=True)}
        _make_folders(out_dir, levels)
        writer = _FaceWriter(lambda face, rows: faces[face].result()[rows], levels, settings, out_dir)
        tasks = [
            pool.submit(writer.write_rows, face, rows)
            for face in FACES
            for rows in _halves(levels[-1].nb_tiles)
        ]
        decoded = pool.submit(lambda: DecodedCube({face: future.result() for face, future in faces.items()}))
        thumb = pool.submit(_write_cube_thumbnail, decoded, out_dir / "thumb.jpg", settings)
        extra = pool.submit(lambda: also(decoded.result())) if also else None
        _report(tasks, writer.written, progress)
        total = writer.bytes + thumb.result()
        if extra is not None:
            extra.result()
    return TiledPanorama(levels, levels[-1].tile_size, writer.tiles, total, width, settings.base_face_size)


def _write_cube_thumbnail(decoded: Future, path: Path, settings: TileSettings) -> int:
    return jpeg.save(path, cube_thumbnail(decoded.result(), settings.thumb_width), settings.quality)


def _face_at(info: PhotoInfo, size: int) -> np.ndarray:
    """A face decoded and resized to the top level's face size (area-averaged down, bicubic up)."""
    pixels = open_face(info)
    if pixels.shape[0] == size:
        return pixels
    method = cv2.INTER_AREA if pixels.shape[0] > size else cv2.INTER_CUBIC
    return cv2.resize(pixels, (size, size), interpolation=method)


def _halves(nb_tiles: int) -> list[range]:
    """The top level's tile rows of a face in two tasks (one when there is one row), so that the two threads
    share the last face instead of one waiting for the other."""
    middle = nb_tiles // 2
    return [range(0, middle), range(middle, nb_tiles)] if middle else [range(nb_tiles)]


def _start_decode(pool: ThreadPoolExecutor, photo: Path | np.ndarray) -> tuple[Future, int, int]:
    """The decoded photo as a future, and its width and height (read from the header)."""
    pixels: Future = Future()
    if isinstance(photo, np.ndarray):
        pixels.set_result(photo)
        return pixels, photo.shape[1], photo.shape[0]
    info = inspect_photo(Path(photo))
    if decodes_in_place(info):
        pixels = pool.submit(open_panorama, Path(photo), info)
    else:  # Pillow's copies and the tables at once would top 1.2 GB at 16K: one after the other
        pixels.set_result(open_panorama(Path(photo), info))
    return pixels, info.width, info.height


def _write_thumbnail(pixels: Future, path: Path, settings: TileSettings) -> int:
    return jpeg.save(path, thumbnail(pixels.result(), settings.thumb_width), settings.quality)


def _make_folders(out_dir: Path, levels: list[Level]) -> None:
    for level in range(len(levels)):
        for face in FACES:
            tile_path(out_dir, level, face, 0, 0).parent.mkdir(parents=True, exist_ok=True)


def _report(futures: list[Future], written: queue.Queue, progress: Callable[[int], None] | None) -> None:
    """Wait for the faces, calling progress from this (the caller's) thread; re-raise the first error."""
    pending = set(futures)
    while pending:
        _, pending = wait(pending, timeout=0.05, return_when=FIRST_EXCEPTION)
        while not written.empty():
            count = written.get()
            if progress:
                progress(count)
        if any(future.done() and future.exception() for future in futures):
            for future in futures:
                future.cancel()  # faces not started yet: no use writing them
            break
    errors = [future.exception() for future in futures if not future.cancelled()]
    first = next((error for error in errors if error is not None), None)
    if first is not None:
        raise first


class _FaceWriter:
    """Samples faces band by band and writes every level's tiles; one instance serves all threads.

    A band of level L is halved into level L-1; two halves (rows 2r and 2r+1, made by the same task or by
    the two tasks of a face) make row r there, written by whichever task brings the second half.
    """

    def __init__(self, band: Callable[[str, slice], np.ndarray], levels, settings: TileSettings, out_dir):
        self.band = band  # (face, top-level pixel rows) -> those rows of the face at the top level
        self.levels, self.settings, self.out_dir = levels, settings, out_dir
        self.tile = levels[-1].tile_size
        self.written: queue.Queue[int] = queue.Queue()
        self.smallest: dict[str, np.ndarray] = {}
        self.halves: dict[tuple[str, int, int], dict[int, np.ndarray]] = {}  # (face, level, row) -> halves
        self.tiles = 0
        self.bytes = 0
        self._lock = threading.Lock()

    def write_rows(self, face: str, rows: range) -> None:
        """Make the top level's tile rows `rows` of `face` and write them and what they make below."""
        top_level = len(self.levels) - 1
        for row in rows:
            self._emit(face, top_level, row, self.band(face, slice(row * self.tile, (row + 1) * self.tile)))

    def _emit(self, face: str, level: int, row: int, band: np.ndarray) -> None:
        """Write the band's tiles, then feed its half-size copy to the level below."""
        self._write_band(face, level, row, band)
        if level == 0:
            with self._lock:
                self.smallest[face] = band
                last = len(self.smallest) == len(FACES)
            if last:  # the thread finishing the last face also writes base.jpg
                self._write_base()
            return
        half = cv2.resize(band, (band.shape[1] // 2, band.shape[0] // 2), interpolation=cv2.INTER_AREA)
        below = (face, level - 1, row // 2)
        with self._lock:
            halves = self.halves.setdefault(below, {})
            halves[row % 2] = half
            complete = len(halves) == 2 and self.halves.pop(below)
        if complete:
            self._emit(face, level - 1, row // 2, np.vstack([complete[0], complete[1]]))

    def _write_base(self) -> None:
        base = base_net(self.smallest, self.settings.base_face_size)
        size = jpeg.save(self.out_dir / "base.jpg", base, self.settings.base_quality)
        with self._lock:
            self.bytes += size

    def _write_band(self, face: str, level: int, row: int, band: np.ndarray) -> None:
        size = 0
        columns = band.shape[1] // self.tile
        for col in range(columns):
            tile = band[:, col * self.tile : (col + 1) * self.tile]
            size += jpeg.save(tile_path(self.out_dir, level, face, row, col), tile, self.settings.quality)
        with self._lock:
            self.tiles += columns
            self.bytes += size
        self.written.put(columns)
