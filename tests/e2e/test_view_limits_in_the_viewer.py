"""Issue 15 item 4: a scene's view limits hold on a phone under touch drag and pinch, and follow the scene."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from variants import variant
from viewer_server import serve
from viewer_tour import Tour

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("viewer")]

CONCOURSE = {"minFov": 40, "maxFov": 70, "minPitch": -30, "maxPitch": 35}
TOLERANCE = 0.6  # degrees: PSV's clamp is exact, the view is read back through its zoom level
# Resolves once two reads of the view 150 ms apart agree: inertia and the clamp have finished moving it.
SETTLED = """() => new Promise((resolve) => {
    let last = '';
    const poll = setInterval(() => {
        const now = JSON.stringify(window.hallbuilderTour.view());
        if (now === last) { clearInterval(poll); resolve(JSON.parse(now)); }
        last = now;
    }, 150);
})"""


def with_limits(tour: dict) -> None:
    tour["scenes"][0]["limits"] = dict(CONCOURSE)  # the garden keeps the whole sphere


@pytest.fixture(scope="module")
def limited_site(sample_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(variant(sample_dist, tmp_path_factory.mktemp("limits"), with_limits)) as base:
        yield base


@pytest.fixture
def phone(phone_page, limited_site: str) -> Tour:
    phone_page.set_default_timeout(20000)
    tour = Tour(phone_page, limited_site).open()
    phone_page.wait_for_function("() => window.hallbuilderTour.ready()")
    return tour


class Fingers:
    """Touches sent through the DevTools protocol: the same TouchEvents a phone's screen makes."""

    def __init__(self, page) -> None:
        self.page = page
        self.cdp = page.context.new_cdp_session(page)

    def send(self, kind: str, points: list[tuple[float, float]]) -> None:
        touches = [{"x": x, "y": y, "id": index} for index, (x, y) in enumerate(points)]
        self.cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": touches})

    def gesture(self, starts: list[tuple[float, float]], ends: list[tuple[float, float]], steps: int = 12):
        self.send("touchStart", starts)
        for step in range(1, steps + 1):
            share = step / steps
            self.send(
                "touchMove",
                [
                    (x0 + (x1 - x0) * share, y0 + (y1 - y0) * share)
                    for (x0, y0), (x1, y1) in zip(starts, ends, strict=True)
                ],
            )
        self.send("touchEnd", [])

    def drag(self, dy: float) -> None:
        self.gesture([(195, 422 - dy / 2)], [(195, 422 + dy / 2)])

    def pinch(self, spread: float) -> None:
        """Fingers apart by 160 px, then by 160 + spread (positive zooms in)."""
        self.gesture([(195, 342), (195, 502)], [(195, 342 - spread / 2), (195, 502 + spread / 2)])


def settled(page) -> dict:
    return page.evaluate(SETTLED)


def test_pitch_limits_hold_under_drag(phone):
    fingers = Fingers(phone.page)
    for _ in range(4):  # dragging down looks up
        fingers.drag(500)
    view = settled(phone.page)
    assert view["pitch"] + view["fov"] / 2 == pytest.approx(CONCOURSE["maxPitch"], abs=TOLERANCE)
    for _ in range(6):
        fingers.drag(-500)
    view = settled(phone.page)
    assert view["pitch"] - view["fov"] / 2 == pytest.approx(CONCOURSE["minPitch"], abs=TOLERANCE)
    assert phone.errors == []


def test_zoom_limits_hold_under_pinch(phone):
    fingers = Fingers(phone.page)
    for _ in range(4):
        fingers.pinch(-150)
    widest = settled(phone.page)
    # 65°, not 70: the widest view is never taller than the pitch range (-30 to 35), so both limits hold
    assert widest["fov"] == pytest.approx(CONCOURSE["maxPitch"] - CONCOURSE["minPitch"], abs=TOLERANCE)
    assert widest["pitch"] + widest["fov"] / 2 <= CONCOURSE["maxPitch"] + TOLERANCE
    assert widest["pitch"] - widest["fov"] / 2 >= CONCOURSE["minPitch"] - TOLERANCE
    for _ in range(5):
        fingers.pinch(400)
    assert settled(phone.page)["fov"] == pytest.approx(CONCOURSE["minFov"], abs=TOLERANCE)


def test_the_next_scene_brings_its_own_limits(phone):
    phone.page.evaluate("location.hash = '#scene=garden'")
    phone.page.wait_for_function("() => window.hallbuilderTour.scene() === 'garden'")
    settled(phone.page)
    fingers = Fingers(phone.page)
    for _ in range(6):
        fingers.drag(500)
        fingers.pinch(-150)
    view = settled(phone.page)
    assert view["pitch"] > 80 and view["fov"] > 95  # the garden has the viewer's whole range
