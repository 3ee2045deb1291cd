"""The visitor's core journey, written once and run in Chromium, WebKit (every iPhone, WeChat on iOS) and
Gecko (Firefox ESR): open the hall, Enter, the panorama is drawn, narration plays, an info panel opens and
closes, a link hotspot leads to the next scene, which is drawn too, and a comment posted to the real service
appears in the list."""

from __future__ import annotations

import io
import json
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.xdist_group("engines"),
    # Selenium's own WebKitGTK driver still sets this deprecated option inside Selenium; nothing to change here
    pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning"),
]

LIVE = "performance.getEntriesByName('tour:interactive').length > 0 && !document.getElementById('hb-preview')"
AUDIO_STATE = """(() => {
    const audio = document.querySelector('.hb-audio');
    const { paused, currentTime, readyState, networkState, error } = audio;
    const pending = window.hallbuilderTour.pendingLoads();
    return { src: audio.currentSrc.slice(0, 60), paused, currentTime, readyState, networkState, error: error && error.code, pending };
})()"""
PANEL_OPEN = "document.querySelector('dialog.hb-panel').open"


def stage_pixels(png: bytes) -> np.ndarray:
    """The middle of the viewport (away from header, banner and toolbar) as an RGB array."""
    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)
    height, width, _ = image.shape
    return image[int(height * 0.2) : int(height * 0.7), int(width * 0.1) : int(width * 0.9)]


def assert_drawn(png: bytes, where: str) -> np.ndarray:
    """A photo, not a blank, black or single-colour canvas: much contrast and thousands of colours."""
    pixels = stage_pixels(png)
    colours = len(np.unique(pixels.reshape(-1, 3), axis=0))
    assert pixels.std() > 20 and colours > 2000, (
        f"{where}: the panorama looks blank (std {pixels.std():.1f}, {colours} colours)"
    )
    return pixels


def tap_hotspot(browser, hotspot: str, where: dict, effect: str, what: str) -> None:
    """Turn to a hotspot and tap it until `effect` holds, at most three times. After 15 s idle the view turns
    by itself (autorotate), and a slow driver's tap can land where the hotspot was a second ago: a visitor
    turns back to it and taps again."""
    for attempt in range(3):
        browser.evaluate(f"window.hallbuilderTour.look({json.dumps(where)}) && true")
        browser.click(f".hb-hotspot[data-hotspot='{hotspot}']")
        try:
            browser.wait_for(effect, timeout=10, what=what)
            return
        except AssertionError:
            if attempt == 2:
                raise


def published_comments(base: str, scene: str) -> list[dict]:
    with urllib.request.urlopen(
        f"{base}api/halls/sample-hall/comments?scene={scene}&after_id=0", timeout=10
    ) as answer:
        return json.loads(answer.read())["comments"]


def test_the_core_journey(engine, served_hall: str, tmp_path: Path):
    browser = engine
    browser.goto(served_hall)
    browser.record_errors()
    browser.click("#hb-enter")
    browser.wait_for(LIVE, what="the live panorama (tour:interactive, the preview gone)")
    assert browser.evaluate("window.hallbuilderTour.scene()") == "concourse"
    # the panorama's one WebGL canvas (the floor plan draws a canvas of its own beside it)
    assert browser.evaluate("document.querySelectorAll('#hb-stage .psv-canvas-container canvas').length") == 1
    concourse_png = browser.screenshot()
    (tmp_path / f"{browser.name}-concourse.png").write_bytes(concourse_png)
    concourse = assert_drawn(concourse_png, f"{browser.name}, concourse")

    # The Enter tap started the narration (a trusted tap unlocks audio in every engine): the narration's own
    # file (not the silence that unlocks the element) is playing, or has played to its end.
    browser.wait_for(
        "(({ currentSrc, currentTime, paused, ended }) => currentSrc.includes('/media/') && currentTime > 0"
        " && (!paused || ended))(document.querySelector('.hb-audio'))",
        what="the narration to play",
        state=AUDIO_STATE,
    )

    tap_hotspot(browser, "about", {"yaw": -40, "pitch": 5}, PANEL_OPEN, "the info panel to open")
    assert browser.evaluate("document.querySelector('.hb-panel-title').textContent") in (
        "About the concourse",
        "关于大厅",
    )
    browser.click("dialog.hb-panel .hb-panel-close")
    browser.wait_for(f"!{PANEL_OPEN}", what="the info panel to close")

    tap_hotspot(
        browser,
        "to-garden",
        {"yaw": 30, "pitch": -10},
        "window.hallbuilderTour.scene() === 'garden' && location.hash.startsWith('#scene=garden')",
        "the garden",
    )
    # The next scene's hotspots are placed once its panorama has replaced the first one.
    browser.wait_for(
        "!!document.querySelector(\".hb-hotspot[data-hotspot='to-concourse']\") && window.hallbuilderTour.pendingLoads() === 0",
        what="the garden's panorama and hotspots",
    )
    garden_png = browser.screenshot()
    (tmp_path / f"{browser.name}-garden.png").write_bytes(garden_png)
    garden = assert_drawn(garden_png, f"{browser.name}, garden")
    assert np.abs(garden - concourse).mean() > 20, (
        "the garden looks like the concourse: the new scene was not drawn"
    )

    text = f"Lovely hall, seen in {browser.name}"
    browser.click(".hb-tool--more")
    browser.click(".hb-menu-item--comment")
    browser.wait_for(f"{PANEL_OPEN} && !!document.querySelector('.hb-form')", what="the comments panel")
    browser.type("input[name=nickname]", "Wang")
    browser.type("textarea[name=text]", text)
    browser.click(".hb-form button[type=submit]")
    browser.wait_for(
        f"[...document.querySelectorAll('.hb-comment p')].some((p) => p.textContent === {json.dumps(text)})",
        what="the posted comment in the list",
    )
    assert [(c["nickname"], c["text"]) for c in published_comments(served_hall, "garden")] == [("Wang", text)]
    assert browser.page_errors() == []
