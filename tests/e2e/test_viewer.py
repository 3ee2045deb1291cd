"""The visitor's viewer in real Chromium: opening, moving between scenes, narration, panels, guided tour."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("viewer")]


def test_the_sample_hall_opens_without_console_errors_on_desktop(tour_on_desktop):
    tour = tour_on_desktop.open()
    page = tour.page
    assert page.title() == "Concourse · Sample Hall"
    assert page.locator(".hb-scene-title").text_content() == "Concourse"
    page.wait_for_timeout(1000)  # a time window on purpose: no console error in the first second
    assert tour.errors == []


def test_the_sample_hall_opens_without_console_errors_on_a_phone(tour_on_phone):
    page = tour_on_phone.page
    # Before any JavaScript: the title and the inlined preview are in the static page.
    html = page.request.get(tour_on_phone.base).text()
    assert '<h1 class="hb-cover-title">示例展厅</h1>' in html
    assert '<img id="hb-preview" src="data:image/jpeg;base64,' in html
    page.goto(tour_on_phone.base)
    page.click("#hb-enter")
    page.wait_for_function("() => performance.getEntriesByName('tour:interactive').length > 0")
    assert page.title() == "大厅 · 示例展厅"
    page.wait_for_timeout(1000)  # a time window on purpose: no console error in the first second
    assert tour_on_phone.errors == []


def test_no_request_leaves_the_pages_origin(tour_on_desktop):
    tour = tour_on_desktop.open()
    tour.page.wait_for_load_state("networkidle")  # every request the opening makes has been made
    origin = urlsplit(tour.base).netloc
    outside = [
        url
        for url in tour.requests
        if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != origin
    ]
    assert outside == []
    assert any("/tiles/" in url for url in tour.requests)


def test_a_link_hotspot_moves_to_its_scene_and_back_returns(tour_on_desktop):
    tour = tour_on_desktop.open("#scene=concourse&yaw=30&pitch=-10&fov=75")
    page = tour.page
    page.click(".hb-hotspot[data-hotspot='to-garden']")
    page.wait_for_function("() => location.hash.startsWith('#scene=garden')")
    assert tour.scene() == "garden"
    page.wait_for_function("() => document.title === 'Garden · Sample Hall'")
    page.go_back()
    page.wait_for_function("() => window.hallbuilderTour.scene() === 'concourse'")
    assert page.locator(".hb-scene-title").text_content() == "Concourse"
    page.go_forward()
    page.wait_for_function("() => window.hallbuilderTour.scene() === 'garden'")


def test_a_deep_link_restores_scene_and_view(tour_on_desktop):
    tour = tour_on_desktop.open("#scene=garden&yaw=-45&pitch=12.5&fov=60")
    assert tour.scene() == "garden"
    view = tour.view()
    assert view["yaw"] == pytest.approx(-45, abs=0.5) or view["yaw"] == pytest.approx(315, abs=0.5)
    assert view["pitch"] == pytest.approx(12.5, abs=0.5)
    assert view["fov"] == pytest.approx(60, abs=0.5)
    assert tour.page.locator(".hb-scene-title").text_content() == "Garden"


def test_narration_plays_and_the_language_switch_changes_it(tour_on_desktop):
    tour = tour_on_desktop.open()  # the desktop browser asks for English
    page = tour.page
    page.wait_for_function("() => document.querySelector('.hb-audio').currentTime > 0.3")
    english = page.eval_on_selector(".hb-audio", "audio => audio.currentSrc")
    page.click(".hb-narration-transcript")
    assert page.locator(".hb-panel-body").text_content() == "Welcome to the concourse."
    page.keyboard.press("Escape")
    assert page.locator(".hb-lang option[value='yue']").text_content() == "粵語"
    page.select_option(".hb-lang", "zh-CN")
    page.wait_for_function(f"() => document.querySelector('.hb-audio').currentSrc !== {english!r}")
    page.wait_for_function("() => document.querySelector('.hb-audio').currentTime > 0.3")
    assert page.locator(".hb-scene-title").text_content() == "大厅"
    assert page.locator(".hb-tool--scenes").get_attribute("aria-label") == "场景列表"
    # The choice is remembered.
    page.reload()
    page.click("#hb-enter")
    assert page.locator(".hb-lang").input_value() == "zh-CN"


def test_an_info_panel_opens_and_closes_from_the_keyboard(tour_on_desktop):
    tour = tour_on_desktop.open("#scene=concourse&yaw=-40&pitch=5&fov=75")
    page = tour.page
    hotspot = page.locator(".hb-hotspot[data-hotspot='about']")
    assert hotspot.get_attribute("aria-label") == "About the concourse"
    hotspot.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.hb-panel")
    assert dialog.evaluate("dialog => dialog.open")
    assert page.locator(".hb-panel-title").text_content() == "About the concourse"
    # Text from tour.json is text, never markup.
    assert page.locator(".hb-panel-body p").text_content() == "This is the concourse. <b>not bold</b>"
    assert page.locator(".hb-panel-body b").count() == 0
    page.keyboard.press("Escape")
    assert not dialog.evaluate("dialog => dialog.open")
    assert page.evaluate("document.activeElement.dataset.hotspot") == "about"


def test_the_hotspot_list_names_every_hotspot_of_the_scene(tour_on_desktop):
    page = tour_on_desktop.open().page
    page.click(".hb-tool--list")
    labels = page.locator(".hb-hotspot-item").evaluate_all(
        "items => items.map(item => item.getAttribute('aria-label'))"
    )
    assert labels == ["Go to: To the garden", "About the concourse"]


def test_the_guided_tour_advances_to_the_next_scene(tour_on_desktop):
    tour = tour_on_desktop.open()
    page = tour.page
    page.click(".hb-tool--guide")
    assert re.fullmatch(r"Guided tour 1 / 2", page.locator(".hb-guide-status").text_content())
    page.click(".hb-guide-pause")
    assert page.locator(".hb-guide-pause").get_attribute("aria-label") == "Resume the tour"
    page.click(".hb-guide-pause")
    page.wait_for_function("() => window.hallbuilderTour.scene() === 'garden'", timeout=15000)
    assert page.locator(".hb-guide-status").text_content() == "Guided tour 2 / 2"


def test_the_guided_tour_started_on_the_last_scene_starts_from_the_halls_start(tour_on_desktop):
    page = tour_on_desktop.open("#scene=garden").page
    page.click(".hb-tool--guide")
    page.wait_for_function("() => window.hallbuilderTour.scene() === 'concourse'")
    assert page.locator(".hb-guide-status").text_content() == "Guided tour 1 / 2"


def test_the_guided_tour_icon_is_not_the_narration_play_icon(tour_on_desktop):
    page = tour_on_desktop.open().page
    guide = page.locator(".hb-tool--guide path").get_attribute("d")
    play = page.evaluate(
        "() => { const a = document.querySelector('.hb-audio'); a.pause(); return new Promise(r => setTimeout(r, 0))"
        ".then(() => document.querySelector('.hb-narration-toggle path').getAttribute('d')) }"
    )
    assert play == "M8 5v14l11-7z"
    assert "l11-7z" not in guide and "l6-4z" not in guide and "v8l6-4z" not in guide


def test_share_shows_the_current_deep_link_and_its_qr_code_as_an_image(tour_on_desktop):
    page = tour_on_desktop.open("#scene=garden&yaw=20&pitch=0&fov=70").page
    page.click(".hb-tool--share")
    link = page.locator(".hb-share-link").input_value()
    assert link == f"{tour_on_desktop.base}#scene=garden&yaw=20&pitch=0&fov=70"
    # WeChat's long-press "recognise QR code" reads an <img>, not an inline SVG.
    qr = page.locator("img.hb-qr")
    assert qr.get_attribute("alt") == "Scan to open this scene on a phone"
    assert qr.get_attribute("src").startswith("data:image/gif;base64,")
    assert qr.evaluate("img => img.complete && img.naturalWidth") > 150
    assert page.locator("svg.hb-qr").count() == 0
    assert page.locator(".hb-panel .hb-status").text_content() == ""


def test_share_offline_says_the_link_can_wait(tour_on_desktop):
    page = tour_on_desktop.open().page
    page.wait_for_function("() => window.hallbuilderTour.settled()")
    page.context.set_offline(True)
    page.click(".hb-tool--share")
    assert page.locator(".hb-panel .hb-status").text_content() == (
        "You are offline: copy the link now and send it once you are back online."
    )
    page.context.set_offline(False)
    page.wait_for_function("() => document.querySelector('.hb-panel .hb-status').textContent === ''")


def test_the_arrow_keys_turn_the_view(tour_on_desktop):
    tour = tour_on_desktop.open("#scene=concourse&yaw=0&pitch=0&fov=75")
    page = tour.page
    page.locator("#hb-stage").click(position={"x": 100, "y": 700})
    page.keyboard.down("ArrowRight")
    page.wait_for_function("() => window.hallbuilderTour.view().yaw > 2", timeout=5000)
    page.keyboard.up("ArrowRight")
    assert tour.view()["yaw"] < 180
