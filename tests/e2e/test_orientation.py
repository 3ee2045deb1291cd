"""The tiled cube shows the photo the right way round: compared with the same photo as one equirectangular
image in Photo Sphere Viewer's default adapter, at the same views (straight up and down included)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("viewer")]

VIEWS = [(0, 0), (90, 0), (180, 0), (-90, 0), (45, 30), (0, 90), (0, -90)]
FOV = 75
HIDE_UI = """() => {
    for (const node of document.querySelectorAll('.hb-ui, .psv-marker, #hb-cover, .hb-banner')) node.style.display = 'none';
}"""


TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def settle(page) -> np.ndarray:
    """The view once drawn: after the network goes quiet (tiles have arrived), wait until two screenshots in
    a row are the same (the tiles are on screen and the view has stopped moving); return that picture."""
    page.evaluate(TWO_FRAMES)
    page.wait_for_load_state("networkidle")
    previous, changes = pixels(page), []
    for _ in range(40):
        page.evaluate(TWO_FRAMES)
        current = pixels(page)
        changes.append(float(np.abs(current - previous).mean()))
        if changes[-1] < 0.2:  # a few pixels may still flicker; a moving or half-drawn view differs far more
            return current
        previous = current
    raise AssertionError(f"the view kept changing: mean differences {changes}")


def pixels(page) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(page.screenshot())).convert("RGB"), dtype=np.float32)


@pytest.fixture
def pages(browser, site):
    context = browser.new_context(viewport={"width": 640, "height": 480}, device_scale_factor=1, locale="en")
    tiled, single = context.new_page(), context.new_page()
    for page in (tiled, single):
        page.set_default_timeout(20000)
    tiled.goto(f"{site}#scene=concourse&yaw=0&pitch=0&fov={FOV}")
    tiled.click("#hb-enter")
    tiled.wait_for_function("() => performance.getEntriesByName('tour:interactive').length > 0")
    tiled.evaluate(HIDE_UI)
    single.goto(f"{site}baseline.html#pano=photo.jpg&yaw=0&pitch=0&fov={FOV}")
    single.wait_for_function("() => performance.getEntriesByName('tour:first-view').length > 0")
    yield tiled, single
    context.close()


def look(tiled, single, yaw: float, pitch: float) -> tuple[np.ndarray, np.ndarray]:
    view = {"yaw": yaw, "pitch": pitch, "fov": FOV}
    tiled.evaluate("view => window.hallbuilderTour.look(view)", view)
    single.evaluate("view => window.baseline.look(view)", view)
    tiled.evaluate(HIDE_UI)
    return settle(tiled), settle(single)


def test_tiled_views_match_the_single_image_at_seven_views(pages):
    tiled, single = pages
    differences = {}
    shots = {}
    for yaw, pitch in VIEWS:
        a, b = look(tiled, single, yaw, pitch)
        shots[(yaw, pitch)] = (a, b)
        differences[(yaw, pitch)] = float(np.abs(a - b).mean())
    assert max(differences.values()) < 12, differences
    # The comparison can fail: a view against a different one differs far more.
    wrong = float(np.abs(shots[(0, 0)][0] - shots[(90, 0)][1]).mean())
    assert wrong > 3 * max(differences.values()), (wrong, differences)
    up_vs_down = float(np.abs(shots[(0, 90)][0] - shots[(0, -90)][1]).mean())
    assert up_vs_down > 3 * max(differences.values()), (up_vs_down, differences)
