"""The nadir patch: a round logo over the bottom face's centre, sized in degrees, nothing outside it."""

import math

import numpy as np
import pytest
from PIL import Image

from hallbuilder.imaging.nadir import disc_radius, patch_face


@pytest.fixture
def red_logo(tmp_path):
    path = tmp_path / "logo.png"
    Image.new("RGBA", (300, 300), (220, 20, 20, 255)).save(path)
    return path


def distances(size: int) -> np.ndarray:
    centre = (size - 1) / 2
    y, x = np.mgrid[0:size, 0:size]
    return np.hypot(x - centre, y - centre)


def test_ninety_degrees_reach_the_middle_of_the_face_edges():
    assert disc_radius(1000, 90) == pytest.approx(500)
    assert disc_radius(1000, 30) == pytest.approx(500 * math.tan(math.radians(15)))


def test_the_logo_covers_a_disc_and_nothing_outside_it(red_logo):
    face = np.full((512, 512, 3), 90, np.uint8)
    patched = patch_face(face, red_logo, 40)
    radius = disc_radius(512, 40)
    away = distances(512)
    assert (patched[away < radius - 1.5] == (220, 20, 20)).all()
    assert (patched[away > radius + 1.5] == 90).all()
    assert (face == 90).all()  # the caller's pixels are left alone


def test_transparent_parts_of_the_logo_show_the_photo(tmp_path):
    ring = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    ring.paste((255, 255, 255, 255), (0, 0, 200, 20))  # a white bar at the logo's top, the rest see-through
    ring.save(tmp_path / "bar.png")
    patched = patch_face(np.full((400, 400, 3), 90, np.uint8), tmp_path / "bar.png", 60)
    assert (patched[200, 200] == 90).all()  # the centre is see-through
    top = 200 - round(disc_radius(400, 60)) + 3
    assert (patched[top, 200] == 255).all()  # the logo is upright: its top towards the face's top (front)
