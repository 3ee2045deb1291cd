"""The demo hall (tours/demo-hall: four real photos, three languages, a floor plan) in the viewer."""

from __future__ import annotations

import runpy
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from viewer_server import serve

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("viewer")]

DEMO = Path(__file__).resolve().parents[2] / "tours" / "demo-hall"


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory, panoramas: Path) -> Iterator[str]:
    from hallbuilder.builder import build_hall

    project = Path(
        shutil.copytree(
            DEMO,
            tmp_path_factory.mktemp("demo") / "demo-hall",
            ignore=shutil.ignore_patterns("dist", ".hallbuilder-cache", "photos"),
        )
    )
    runpy.run_path(str(DEMO / "prepare.py"))["prepare"](project, panoramas)
    build_hall(project, project / "dist")
    with serve(project / "dist") as base:
        yield base


@pytest.mark.parametrize("device", ["desktop_page", "phone_page"])
def test_the_demo_hall_opens_without_console_errors(request, device, demo_site):
    page = request.getfixturevalue(device)
    page.set_default_timeout(20000)
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(demo_site)
    page.click("#hb-enter")
    page.wait_for_function("() => performance.getEntriesByName('tour:interactive').length > 0")
    # The floor plan arrives with the plugins, once the visible tiles are in.
    page.wait_for_selector(".psv-map", state="attached", timeout=15000)
    page.click(".hb-tool--scenes")
    zones = page.locator(".hb-zone h3").all_text_contents()
    assert zones == (
        ["学习体验区", "交通发展区"] if device == "phone_page" else ["Learning zone", "Transport zone"]
    )
    assert page.locator(".hb-scene-item").count() == 4
    page.locator(".hb-scene-item").nth(1).click()
    page.wait_for_function(
        "() => location.hash.includes('scene=') && window.hallbuilderTour.scene() !== 'lobby'"
    )
    page.wait_for_timeout(1000)  # a time window on purpose: no console error in the second after moving
    assert errors == []
