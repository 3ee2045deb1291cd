"""Saving safely in the studio: a refused save keeps the file and what was typed, with the message by the
field; two saves over each other are caught; an outside edit shows at once; undo and history restore; and a
hotspot placed with the keyboard alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from studio_page import StudioPage, key, save_screenshot

from hallbuilder.config import load_hall

pytestmark = [pytest.mark.e2e]


def test_a_refused_save_shows_the_loaders_message_by_the_field_and_keeps_the_file(studio: StudioPage):
    before = (studio.project / "hall.yaml").read_bytes()
    studio.tab("hall")
    studio.fill(key("hall", "id"), "Not An Id!")
    problem = studio.page.locator(".st-field:has(" + key("hall", "id") + ") + .st-problem")
    problem.wait_for()
    assert "hall.id" in problem.inner_text()
    assert studio.page.locator(key("hall", "id")).get_attribute("aria-invalid") == "true"
    assert studio.page.input_value(key("hall", "id")) == "Not An Id!"
    assert (studio.project / "hall.yaml").read_bytes() == before
    # Fixing it saves, and the message goes.
    studio.fill(key("hall", "id"), "our-hall")
    assert studio.page.locator(".st-problem").count() == 0
    assert load_hall(studio.project).id == "our-hall"


def test_an_outside_edit_shows_in_the_studio(studio: StudioPage):
    studio.tab("hall")
    config = studio.project / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("title: 我的展厅", "title: 外面改的"), "utf-8")
    studio.page.wait_for_selector(".st-outside")
    studio.page.wait_for_function(
        f"() => document.querySelector(`{key('hall', 'title', 'zh-CN')}`).value === '外面改的'"
    )


def test_two_saves_over_each_other_are_caught_and_the_user_offered_a_reload(studio: StudioPage):
    """A tab that has not heard of the other change yet (its polls held back) must not overwrite it."""
    studio.page.route("**/api/version", lambda route: route.abort())
    studio.tab("hall")
    config = studio.project / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("subtitle: 线上展厅", "subtitle: 别处改的"), "utf-8")
    studio.fill(key("hall", "title", "en"), "Typed here")
    studio.page.wait_for_selector(".st-conflict")
    assert studio.page.input_value(key("hall", "title", "en")) == "Typed here"
    assert "别处改的" in config.read_text("utf-8")
    assert "Typed here" not in config.read_text("utf-8")
    studio.page.click("#st-reload")
    studio.page.wait_for_function(
        f"() => document.querySelector(`{key('hall', 'subtitle', 'zh-CN')}`).value === '别处改的'"
    )
    assert studio.page.locator(".st-conflict").count() == 0


def test_undo_and_history_restore(studio: StudioPage):
    config = studio.project / "hall.yaml"
    original = config.read_text("utf-8")
    studio.tab("hall")
    studio.fill(key("hall", "title", "en"), "First")
    studio.fill(key("hall", "title", "en"), "Second")
    assert load_hall(studio.project).title["en"] == "Second"
    studio.page.click("#st-undo")
    studio.settled()
    assert load_hall(studio.project).title["en"] == "First"
    assert studio.page.input_value(key("hall", "title", "en")) == "First"
    studio.page.click("#st-history-open")
    entries = studio.page.locator(".st-history-item")
    entries.first.wait_for()
    entries.last.locator("button").click()  # the oldest: hall.yaml as `new` wrote it
    studio.settled()
    assert config.read_text("utf-8") == original


def test_a_hotspot_placed_and_moved_with_the_keyboard_alone(studio: StudioPage, screenshots: Path):
    page = studio.page
    studio.wait_panorama()
    before = len(studio.project_json()["scenes"][0]["hotspots"])
    page.select_option("#st-new-type", "info")
    page.locator("#st-new-type").focus()
    tab_to(page, "#st-place-centre")
    page.keyboard.press("Enter")
    studio.settled()
    page.wait_for_function(
        f"() => window.hallbuilderStudio.store.project.scenes[0].hotspots.length === {before + 1}"
    )
    hotspot = studio.project_json()["scenes"][0]["hotspots"][before]
    assert hotspot["type"] == "info"
    # The new hotspot's form has the focus: give it a title, then move it on the panorama with the arrows.
    page.wait_for_function("() => document.activeElement?.closest('.st-hotspot-form') !== null")
    tab_to(page, f"{key('scenes', 0, 'hotspots', before, 'title', 'en')}")
    page.keyboard.type("Keyboard")
    page.keyboard.press("Tab")
    studio.settled()
    page.locator(f".hb-hotspot[data-index='{before}']").focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    studio.settled()
    page.wait_for_function(
        "([at, start]) => Math.round((((window.hallbuilderStudio.store.project.scenes[0].hotspots[at].yaw"
        " - start) % 360) + 360) % 360) === 5",
        arg=[before, hotspot["yaw"]],
    )
    saved = load_hall(studio.project).scenes[0].hotspots[before]
    assert saved.title is not None and saved.title["en"] == "Keyboard"
    assert round((saved.yaw - hotspot["yaw"]) % 360) == 5
    save_screenshot(page, screenshots / "keyboard.png")


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Presses Tab until `selector` has the focus (as a keyboard user would)."""
    for _ in range(limit):
        if page.evaluate(f"document.activeElement?.matches(`{selector}`)"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} cannot be reached with Tab")
