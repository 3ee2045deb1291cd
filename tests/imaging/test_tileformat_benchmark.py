"""The WebP-against-JPEG benchmark measures what it says: SSIM behaves, and its tiles are the tiler's size."""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest
import simplejpeg

from hallbuilder.imaging import plan_levels

# benchmarks/ is not a package the tests import (they run it as `python -m benchmarks`): load the module's code
BENCHMARK = runpy.run_path(str(Path(__file__).resolve().parents[2] / "benchmarks" / "tileformat.py"))
decode, encode_webp, sample_tiles, ssim = (
    BENCHMARK[name] for name in ("decode", "encode_webp", "sample_tiles", "ssim")
)


def test_ssim_is_one_for_the_same_image_and_falls_with_the_quality(panoramas):
    tile = sample_tiles(panoramas / "taj-mahal_2048x1024.jpg", 1)[0]
    assert ssim(tile, tile) == pytest.approx(1.0)
    good, poor = (decode(simplejpeg.encode_jpeg(tile, quality=q, colorsubsampling="420")) for q in (90, 20))
    assert 1.0 > ssim(tile, good) > ssim(tile, poor)
    assert ssim(tile, decode(encode_webp(tile, 90, 4))) > ssim(tile, decode(encode_webp(tile, 20, 4)))


def test_the_sample_tiles_are_the_planned_tiles(panoramas):
    tiles = sample_tiles(panoramas / "taj-mahal_2048x1024.jpg", 4)
    size = plan_levels(2048)[-1].tile_size
    assert [tile.shape for tile in tiles] == [(size, size, 3)] * 4
    assert all(tile.flags.c_contiguous and tile.dtype == np.uint8 for tile in tiles)
    assert not np.array_equal(tiles[0], tiles[1])
