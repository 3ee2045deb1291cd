"""Edit mode for staff on `hallbuilder serve`: angles under the pointer, placing and dragging hotspots; never for visitors."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("viewer")]


def angles(text: str) -> tuple[float, float]:
    found = re.search(r"yaw:? (-?[\d.]+)°?\s+pitch:? (-?[\d.]+)", text)
    assert found, text
    return float(found.group(1)), float(found.group(2))


def test_edit_mode_shows_angles_and_places_a_hotspot(staff_tour):
    page = staff_tour.open("#scene=concourse&yaw=10&pitch=-5&fov=75&edit=1").page
    page.wait_for_selector(".hb-edit:not([hidden])")
    page.mouse.move(640, 400)  # the centre of the 1280×800 view
    page.wait_for_function("() => document.querySelector('.hb-edit-readout').textContent.includes('yaw')")
    yaw, pitch = angles(page.locator(".hb-edit-readout").text_content())
    assert yaw == pytest.approx(10, abs=0.6) and pitch == pytest.approx(-5, abs=0.6)
    page.mouse.click(640, 400)
    page.wait_for_function("() => document.querySelector('.hb-edit-snippet').value.includes('type: info')")
    snippet = page.locator(".hb-edit-snippet").input_value()
    assert snippet.startswith("      - type: info\n        yaw: ")
    yaw, pitch = angles(snippet)
    assert yaw == pytest.approx(10, abs=0.6) and pitch == pytest.approx(-5, abs=0.6)
    assert page.locator(".hb-edit-draft").count() == 1


def test_edit_mode_drags_a_hotspot_and_gives_its_new_angles(staff_tour):
    page = staff_tour.open("#scene=concourse&yaw=-40&pitch=5&fov=75&edit=1").page
    page.wait_for_selector(".hb-edit:not([hidden])")
    box = page.locator(".hb-hotspot[data-hotspot='about'] .hb-hotspot-icon").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 60, y, steps=5)
    page.mouse.move(x + 120, y, steps=5)
    page.mouse.up()
    snippet = page.locator(".hb-edit-snippet").input_value()
    assert "id: about" in snippet
    yaw, pitch = angles(snippet)
    # 120 px right of the centre of an 800 px high view with a 75° vertical field: atan(120 / 521) = 13°
    assert yaw == pytest.approx(-40 + 13, abs=1.5)
    assert pitch == pytest.approx(5, abs=2)


def test_the_edit_mode_is_offered_where_the_server_says_so(staff_tour):
    page = staff_tour.open().page
    page.wait_for_function("() => window.hallbuilderTour.settled()")  # once the visible tiles are in
    page.click(".hb-tool--more")
    assert page.locator(".hb-menu-item--edit").text_content() == "Edit mode"


def test_visitors_on_a_private_network_host_get_no_staff_tools(tour_on_desktop):
    """127.0.0.1 is as private as an intranet host: only the server's word (tour.edit) offers staff tools."""
    tour = tour_on_desktop.open("#scene=concourse&edit=1")
    page = tour.page
    page.wait_for_function("() => window.hallbuilderTour.settled()")
    page.click(".hb-tool--more")
    assert page.locator(".hb-menu-item--map").count() == 1
    assert page.locator(".hb-menu-item--edit").count() == 0
    assert page.locator(".hb-edit").count() == 0
    assert not any("/ui/edit" in url or "edit-" in url for url in tour.requests)
