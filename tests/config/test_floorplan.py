"""Floor-plan points outside the plan image are refused with the image's size, on their line."""

from __future__ import annotations

import pytest
from PIL import Image

from hallbuilder.config import load_hall
from hallbuilder.config.model import Point
from hallbuilder.errors import ConfigError

PLAN = """floorplan:
  image: media/plan.png
  points:
    lobby: {x: 120, y: 340}
    gallery: {x: 1610, y: -5}
"""


def add_plan(project, edit, points: str = PLAN, exif_orientation: int | None = None) -> None:
    exif = Image.Exif()
    if exif_orientation:
        exif[0x0112] = exif_orientation
    (project / "media").mkdir(exist_ok=True)
    Image.new("RGB", (1000, 600), "white").save(project / "media" / "plan.png", exif=exif)
    edit("announcements:", points + "\nannouncements:")


def problems(project) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_hall(project)
    return caught.value.lines()


def test_points_outside_the_plan_name_its_size(project, edit):
    add_plan(project, edit)
    start = (project / "hall.yaml").read_text("utf-8").splitlines().index("    gallery: {x: 1610, y: -5}") + 1
    assert problems(project) == [
        f"hall.yaml:{start} floorplan.points.gallery.x: 1610 is outside the plan image media/plan.png "
        "(1000 × 600 pixels); expected x from 0 to 1000",
        f"hall.yaml:{start} floorplan.points.gallery.y: -5 is outside the plan image media/plan.png "
        "(1000 × 600 pixels); expected y from 0 to 600",
    ]


def test_points_on_the_plan_are_accepted(project, edit):
    add_plan(project, edit, PLAN.replace("{x: 1610, y: -5}", "{x: 1000, y: 600}"))
    assert load_hall(project).floorplan.points["gallery"] == Point(x=1000, y=600)


def test_the_size_is_the_upright_one_of_a_turned_photo(project, edit):
    add_plan(project, edit, PLAN.replace("{x: 1610, y: -5}", "{x: 590, y: 990}"), exif_orientation=6)
    assert load_hall(project).floorplan.points["gallery"] == Point(x=590, y=990)
