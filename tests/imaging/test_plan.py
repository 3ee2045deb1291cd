"""The level plan satisfies Photo Sphere Viewer's CubemapTilesAdapter and keeps the photo's detail."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from hallbuilder.imaging import Level, TileSettings, panorama_hash, plan_levels

WIDTHS = [1024, 1500, 2048, 3000, 4000, 4096, 5000, 6000, 8192, 10000, 12288, 16384, 20000]


@pytest.mark.parametrize("width", WIDTHS)
def test_levels_follow_the_adapter_rules(width):
    levels = plan_levels(width)
    tile = levels[-1].tile_size
    for index, level in enumerate(levels):
        assert level.nb_tiles in (1, 2, 4, 8, 16)
        assert level.face_size == level.nb_tiles * tile  # same square tile at every level
        assert level.nb_tiles == 2**index  # level 0 smallest, one tile per side; faces double per level
    assert levels[0].nb_tiles == 1
    assert abs(levels[-1].face_size / (width / math.pi) - 1) < 0.03  # keeps the detail (issue: ~10%)
    assert tile % 16 == 0 and tile <= 1024
    if width / math.pi >= 512:
        assert tile >= 512


def test_known_plans():
    assert plan_levels(8192) == [Level(656, 1), Level(1312, 2), Level(2624, 4)]
    assert plan_levels(5000) == [Level(800, 1), Level(1600, 2)]  # jordan-pond: not a multiple of 512
    assert plan_levels(16384)[-1] == Level(5248, 8)
    assert plan_levels(1024) == [Level(320, 1)]  # one tile smaller than 512 rather than an upscale
    assert plan_levels(4096) == [Level(656, 1), Level(1312, 2)]


def test_bigger_minimum_tile():
    levels = plan_levels(8192, TileSettings(tile_size=1024))
    assert levels == [Level(1024, 1), Level(2048, 2)]  # 1024×2 is nearer to 2608 than 1024×4
    assert Level(2048, 2).as_json() == {"faceSize": 2048, "nbTiles": 2}


def test_settings_key_is_stable_and_complete():
    assert (
        TileSettings().key() == "base_face_size=256;base_quality=65;quality=82;thumb_width=512;tile_size=512"
    )


def test_hash_covers_photo_bytes_and_every_setting(tmp_path):
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"pixels" * 1000)
    first = panorama_hash(photo)
    assert len(first) == 20 and int(first, 16) >= 0
    assert panorama_hash(photo) == first
    for field in ("tile_size", "quality", "base_face_size", "base_quality", "thumb_width"):
        changed = replace(TileSettings(), **{field: getattr(TileSettings(), field) + 1})
        assert panorama_hash(photo, changed) != first, field
    photo.write_bytes(b"pixels" * 999 + b"pixelz")
    assert panorama_hash(photo) != first
