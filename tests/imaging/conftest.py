"""Fixtures of the imaging tests: one real panorama tiled once per session, and readers for the result."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import simplejpeg
from PIL import Image

from hallbuilder.imaging import FACES, TiledPanorama, tile_panorama

WYMAN = "wyman-park-playground_4096x2048.jpg"


def read_jpeg(path: Path) -> np.ndarray:
    return simplejpeg.decode_jpeg(path.read_bytes())


def assemble_face(out_dir: Path, result: TiledPanorama, level: int, face: str) -> np.ndarray:
    """One face of one level, pasted together from its tiles."""
    count = result.levels[level].nb_tiles
    rows = []
    for row in range(count):
        tiles = [
            read_jpeg(out_dir / "tiles" / str(level) / face / f"{row}_{col}.jpg") for col in range(count)
        ]
        rows.append(np.hstack(tiles))
    return np.vstack(rows)


@pytest.fixture(scope="session")
def wyman_tiles(panoramas, tmp_path_factory) -> tuple[Path, TiledPanorama, dict[str, np.ndarray]]:
    """The Wyman Park photo tiled with the default settings: (folder, result, top-level faces)."""
    out_dir = tmp_path_factory.mktemp("wyman")
    result = tile_panorama(panoramas / WYMAN, out_dir)
    top = len(result.levels) - 1
    return out_dir, result, {face: assemble_face(out_dir, result, top, face) for face in FACES}


_EQUIRECTS: dict[int, Image.Image] = {}


@pytest.fixture
def equirect(make_equirect):
    """equirect(width) -> the shared synthetic panorama as a Pillow image (made once per width)."""

    def make(width: int = 1024) -> Image.Image:
        if width not in _EQUIRECTS:
            path = make_equirect(width, name=f"source-{width}.bmp")
            with Image.open(path) as image:
                _EQUIRECTS[width] = image.convert("RGB")
        return _EQUIRECTS[width].copy()

    return make
