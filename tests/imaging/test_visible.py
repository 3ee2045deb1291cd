"""The tiles a view shows first (what index.html preloads): PSV's level rule and the tiles the view's rays hit."""

from __future__ import annotations

import pytest

from hallbuilder.imaging import plan_levels
from hallbuilder.imaging.visible import PHONE, horizontal_fov, level_for, visible_tiles

LEVELS_8K = plan_levels(8192)  # faces 656 (1×1), 1312 (2×2), 2624 (4×4)


def test_horizontal_fov_follows_the_aspect():
    assert horizontal_fov(90, (100, 100)) == pytest.approx(90)
    assert horizontal_fov(75, PHONE) == pytest.approx(39.1, abs=0.1)


@pytest.mark.parametrize(
    ("viewport", "fov", "level"),
    [
        (PHONE, 75, 1),  # 1312·2/180·75 = 1093 ≥ 844 rows; 656 gives 547, too few
        ((844, 390), 75, 0),  # a phone held sideways: 656 is enough both ways
        ((1920, 1080), 75, 2),  # a computer: 1312 gives 1566 texels across 1920 px
        ((3840, 2160), 30, 2),  # more than the top level has: the top level
    ],
)
def test_the_level_is_the_first_with_a_texel_per_css_pixel(viewport, fov, level):
    assert level_for(LEVELS_8K, fov, viewport) == level


def test_an_upright_phone_looking_ahead_sees_the_front_faces_four_tiles():
    assert visible_tiles(LEVELS_8K, {"yaw": 0, "pitch": 5, "fov": 75}) == (
        1,
        [("front", 0, 0), ("front", 0, 1), ("front", 1, 0), ("front", 1, 1)],
    )


def test_turning_right_and_down_reaches_the_right_and_bottom_faces():
    level, tiles = visible_tiles(LEVELS_8K, {"yaw": 45, "pitch": -30, "fov": 75})
    assert level == 1
    assert tiles == [("bottom", 0, 1), ("front", 0, 1), ("front", 1, 1), ("right", 0, 0), ("right", 1, 0)]


@pytest.mark.parametrize(
    ("yaw", "pitch", "face"),
    [(90, 0, "right"), (180, 0, "back"), (-90, 0, "left"), (0, 80, "top"), (0, -80, "bottom")],
)
def test_each_face_is_found_where_it_is(yaw, pitch, face):
    _, tiles = visible_tiles(LEVELS_8K, {"yaw": yaw, "pitch": pitch, "fov": 30})
    assert {tile[0] for tile in tiles} == {face}


def test_looking_up_at_the_top_face_sees_its_bottom_row_first():
    """The top face's bottom edge meets the front's top edge (geometry.py): looking up past it, 50° to 70°."""
    level, tiles = visible_tiles(LEVELS_8K, {"yaw": 0, "pitch": 60, "fov": 20})
    assert level == 2  # 4×4 tiles a face
    assert {(face, row) for face, row, _ in tiles} == {("top", 2), ("top", 3)}
