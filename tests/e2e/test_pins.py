"""Pinned comments in the panorama, on a phone: posted where the visitor looks, shown only once approved, at
their place in the view, and hidden by a switch that is remembered."""

from __future__ import annotations

import json
import math

import pytest
from test_service_parts import PREFIX, FakeService, open_tour, service_dist  # noqa: F401 (fixture)
from viewer_server import serve

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("viewer")]


class ModeratedService(FakeService):
    """Keeps posted comments pending until the test approves them; lists only approved ones, as the real
    service does under pre-moderation."""

    def __init__(self) -> None:
        super().__init__()
        self.posted: list[dict] = []
        self.approved = False

    def __call__(self, method: str, path: str, body: bytes):
        route = path.removeprefix(PREFIX).split("?")[0]
        if (method, route) == ("POST", "comments"):
            self.calls.append((method, path, body))
            sent = json.loads(body)
            comment = {key: sent[key] for key in ("scene", "nickname", "text")}
            comment |= {"id": 10 + len(self.posted), "created_at": "2026-12-07T21:00:00Z"}
            comment["position"] = sent.get("position")
            self.posted.append(comment)
            return 201, {"comment": {**comment, "status": "pending"}, "edit_token": "t"}
        if (method, route) == ("GET", "comments"):
            self.calls.append((method, path, body))
            listed = self.posted if self.approved and "after_id=0" in path else []
            return 200, {"comments": listed, "next_after_id": listed[-1]["id"] if listed else 0}
        return super().__call__(method, path, body)


def projected(view: dict, position: dict, width: float, height: float) -> tuple[float, float]:
    """Where a direction lands on a rectilinear view (vertical field of view `fov`), in CSS pixels."""

    def direction(yaw: float, pitch: float) -> tuple[float, float, float]:
        y, p = math.radians(yaw), math.radians(pitch)
        return (math.cos(p) * math.sin(y), math.sin(p), math.cos(p) * math.cos(y))

    forward = direction(view["yaw"], view["pitch"])
    right = (math.cos(math.radians(view["yaw"])), 0.0, -math.sin(math.radians(view["yaw"])))
    up = (  # forward × right
        forward[1] * right[2] - forward[2] * right[1],
        forward[2] * right[0] - forward[0] * right[2],
        forward[0] * right[1] - forward[1] * right[0],
    )
    point = direction(position["yaw"], position["pitch"])
    dot = lambda a, b: sum(x * y for x, y in zip(a, b, strict=True))  # noqa: E731
    scale = (height / 2) / math.tan(math.radians(view["fov"]) / 2)
    depth = dot(point, forward)
    return width / 2 + dot(point, right) / depth * scale, height / 2 - dot(point, up) / depth * scale


def wait_view(page, yaw: float, pitch: float, fov: float) -> dict:
    page.evaluate(f"() => window.hallbuilderTour.look({{yaw: {yaw}, pitch: {pitch}, fov: {fov}}})")
    page.wait_for_function(
        f"() => {{ const v = window.hallbuilderTour.view(); const turn = (v.yaw - ({yaw}) + 540) % 360 - 180;"
        f" return Math.abs(turn) < 0.05 && Math.abs(v.pitch - ({pitch})) < 0.05 && Math.abs(v.fov - {fov}) < 0.05 }}"
    )
    return page.evaluate("() => window.hallbuilderTour.view()")


def test_a_pinned_comment_appears_once_approved_at_its_place_and_the_switch_is_remembered(
    phone_page,
    service_dist,  # noqa: F811
):
    service = ModeratedService()
    with serve(service_dist, service) as base:
        page = phone_page
        errors = open_tour(page, base)
        page.wait_for_function(
            "() => window.hallbuilderTour.settled() && document.querySelector('.hb-pins-switch')"
        )
        looked = wait_view(page, -30, 8, 70)
        page.click(".hb-tool--more")
        page.click(".hb-menu-item--comment")
        page.fill("input[name=nickname]", "小李")
        page.fill("textarea[name=text]", "这幅画的颜色真好")
        page.check("input[name=pin]")
        page.click(".hb-form button[type=submit]")
        page.wait_for_function("() => document.querySelector('.hb-panel .hb-status').textContent !== ''")
        position = service.posted[0]["position"]
        assert position == pytest.approx({"yaw": looked["yaw"] - 360, "pitch": looked["pitch"]}, abs=0.01)
        page.keyboard.press("Escape")
        # Pending: the viewer has asked and shows nothing.
        page.wait_for_function("() => window.hallbuilderTour.ready()")
        assert page.locator(".hb-pin").count() == 0

        service.approved = True
        page.reload()
        page.click("#hb-enter")
        page.wait_for_function("() => window.hallbuilderTour.settled()")
        view = wait_view(page, -20, 0, 80)
        pin = page.locator(".hb-pin")
        pin.wait_for()
        assert pin.text_content() == "小李这幅画的颜色真好"
        stage = page.locator("#hb-stage").bounding_box()
        box = pin.bounding_box()
        x, y = projected(view, position, stage["width"], stage["height"])
        assert box["x"] + box["width"] / 2 - stage["x"] == pytest.approx(x, abs=3)
        assert box["y"] + box["height"] / 2 - stage["y"] == pytest.approx(y, abs=3)
        # Turned away, it is not drawn (thinned out of the view).
        wait_view(page, 150, 0, 80)
        page.wait_for_function("() => !document.querySelector('.hb-pin')")

        wait_view(page, -20, 0, 80)
        pin.wait_for()
        switch = page.locator(".hb-pins-switch")
        assert switch.get_attribute("aria-pressed") == "true"
        assert switch.bounding_box()["width"] == 44  # its styles apply under the page's CSP
        assert switch.get_attribute("aria-label") == "隐藏画面中的留言"
        switch.click()
        page.wait_for_function("() => !document.querySelector('.hb-pin')")
        assert switch.get_attribute("aria-pressed") == "false"
        page.reload()
        page.click("#hb-enter")
        page.wait_for_function(
            "() => window.hallbuilderTour.settled() && document.querySelector('.hb-pins-switch')"
        )
        wait_view(page, -20, 0, 80)
        assert page.locator(".hb-pins-switch").get_attribute("aria-pressed") == "false"
        assert page.locator(".hb-pin").count() == 0
        # The comment list still reads it, noted as pinned.
        page.click(".hb-tool--more")
        page.click(".hb-menu-item--comment")
        assert page.locator(".hb-comment .hb-pin-note").text_content() == "(钉在画面中)"
        assert errors == []
