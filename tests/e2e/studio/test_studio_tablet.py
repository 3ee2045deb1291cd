"""The studio on a 1024×768 tablet, in Chinese from the browser's language: everything in sight, nothing wider
than the screen, and the language switch to English."""

from __future__ import annotations

from pathlib import Path

import pytest
from studio_page import StudioPage, run_studio, save_screenshot

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def tablet_page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(30000)
    yield page
    context.close()


def test_the_studio_fits_a_tablet_and_speaks_the_browsers_language(
    tablet_page, studio_project: Path, screenshots: Path
):
    with run_studio(studio_project) as address:
        studio = StudioPage(tablet_page, address, studio_project).open()
        page = studio.page
        assert page.inner_text("#st-tab-scenes") == "场景"
        studio.wait_panorama()
        assert page.evaluate("document.documentElement.scrollWidth") <= 1024
        for part in ("#st-stage", ".st-scene-list", "#st-preview-frame", "#st-undo"):
            box = page.locator(part).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1024 and box["y"] < 768, part
        page.wait_for_selector(".st-preview[data-state='ready']")
        save_screenshot(page, screenshots / "tablet.png")
        page.select_option("#st-ui-lang", "en")
        page.wait_for_function("() => document.querySelector('#st-tab-scenes')?.textContent === 'Scenes'")
        assert not studio.errors
