"""Issue 15 item 3 in the viewer: a scene's bottom face comes from tour.json's panorama.bottomTiles (the
tiles the build patched with the nadir logo), the other faces from panorama.tiles."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from variants import variant
from viewer_server import serve
from viewer_tour import Tour

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("viewer")]

PATCHED = "nadir-under-test"


def red_bottom_face(dist: Path, tour: dict) -> None:
    """A copy of the start scene's bottom tiles, all red, named in bottomTiles."""
    panorama = tour["scenes"][0]["panorama"]
    folder = panorama["tiles"].split("/tiles/")[0]
    for tile in (dist / folder / "tiles").glob("*/bottom/*.jpg"):
        target = dist / folder / PATCHED / tile.relative_to(dist / folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        with Image.open(tile) as original:
            Image.new("RGB", original.size, (230, 0, 0)).save(target, quality=90)
    panorama["bottomTiles"] = f"{folder}/{PATCHED}/tiles/{{level}}/bottom/{{row}}_{{col}}.jpg"


@pytest.fixture(scope="module")
def nadir_site(sample_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from hallbuilder.site import write_site

    dist = variant(sample_dist, tmp_path_factory.mktemp("nadir"), lambda tour: None)
    tour = json.loads((dist / "tour.json").read_text("utf-8"))
    red_bottom_face(dist, tour)
    (dist / "tour.json").write_text(json.dumps(tour, ensure_ascii=False), "utf-8")
    write_site(dist, tour)
    with serve(dist) as base:
        yield base


def is_red(colour: tuple[int, int, int]) -> bool:
    red, green, blue = colour
    return red > 180 and green < 60 and blue < 60


def wait_until(condition, seconds: float = 15) -> bool:
    """Polls `condition` until it holds or time runs out (tiles arrive when the network says)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def centre_colour(page) -> tuple[int, int, int]:
    shot = Image.open(io.BytesIO(page.screenshot()))
    width, height = shot.size
    return (
        shot.convert("RGB")
        .resize((1, 1), box=(width * 0.4, height * 0.4, width * 0.6, height * 0.6))
        .getpixel((0, 0))
    )


def test_the_bottom_face_is_drawn_from_its_own_tiles(desktop_page, nadir_site: str):
    desktop_page.set_default_timeout(20000)
    tour = Tour(desktop_page, nadir_site).open()
    page = tour.page
    page.wait_for_function("() => window.hallbuilderTour.ready()")
    page.evaluate("window.hallbuilderTour.look({yaw: 0, pitch: -90, fov: 60})")
    page.wait_for_function("() => window.hallbuilderTour.view().pitch < -89")
    assert wait_until(lambda: is_red(centre_colour(page))), centre_colour(page)
    page.evaluate("window.hallbuilderTour.look({yaw: 0, pitch: 0, fov: 60})")
    page.wait_for_function("() => Math.abs(window.hallbuilderTour.view().pitch) < 1")
    page.wait_for_function("() => window.hallbuilderTour.pendingLoads() === 0")
    assert not is_red(centre_colour(page))  # the other faces are the photo's
    assert any(PATCHED in url for url in tour.requests) and tour.errors == []
