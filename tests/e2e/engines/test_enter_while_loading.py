"""Enter must take the tap while the panorama is still loading (found driving WebKit: Photo Sphere Viewer's
full-screen loader, z-index 80, lay over the cover and swallowed the tap, so on a slow network Enter did nothing
until the photo had arrived)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("viewer")]

ENTER_HIT = """(() => {
    const enter = document.getElementById('hb-enter');
    const box = enter.getBoundingClientRect();
    return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === enter;
})()"""


def test_enter_takes_the_tap_while_the_panorama_loads(desktop_page, site: str):
    page = desktop_page
    held = []
    page.route(
        "**/scenes/**", lambda route: held.append(route)
    )  # the photo never arrives while the test looks
    page.goto(site)
    page.wait_for_selector(".psv-loader-container", state="attached")
    page.wait_for_function("() => !document.getElementById('hb-enter').hidden")
    assert page.evaluate(ENTER_HIT)
    box = page.locator("#hb-enter").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # a tap where Enter shows
    page.wait_for_function("() => document.getElementById('hb-cover').hidden")
    for route in held:
        route.abort()
