"""The showcase hall of the built demo, in Chromium on a 390×844 phone, with likes through `hallbuilder serve`."""

from __future__ import annotations

import re
import runpy
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[2] / "tours" / "demo-hall"
BUNDLE = Path(__file__).resolve().parents[2] / "hallbuilder" / "web_dist" / "manifest.json"


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Iterator[str]:
    """The demo hall (rooms rendered at 1024 px to stay fast) built, and served by `hallbuilder serve`."""
    from hallbuilder.builder import build_hall

    if not BUNDLE.exists():
        pytest.fail(f"the viewer bundle is missing ({BUNDLE}): run `make setup`")
    project = Path(
        shutil.copytree(
            DEMO,
            tmp_path_factory.mktemp("showcase-demo") / "demo",
            ignore=shutil.ignore_patterns("dist", ".hallbuilder-cache", "photos", "audio"),
        )
    )
    runpy.run_path(str(DEMO / "prepare.py"))["prepare"](project, None, 1024)
    with (project / "hall.yaml").open("a", encoding="utf-8") as config:
        config.write("\nservice: {url: /api}\n")  # the service `hallbuilder serve` runs beside the tour
    build_hall(project)
    server = subprocess.Popen(
        [sys.executable, "-m", "hallbuilder.cli", "serve", str(project / "dist"), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        first = server.stdout.readline() + server.stdout.readline()
        port = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
        assert port, first
        yield f"http://127.0.0.1:{port.group(1)}/"
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def phone(phone_page, demo_site):
    phone_page.set_default_timeout(20000)
    errors: list[str] = []
    phone_page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    phone_page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    phone_page.goto(demo_site)
    phone_page.click("#hb-enter")
    phone_page.wait_for_function("() => performance.getEntriesByName('tour:interactive').length > 0")
    yield phone_page
    assert errors == []


def open_hall(page) -> None:
    page.click(".hb-tool--more")
    page.click(".hb-menu-item--showcases")
    page.wait_for_selector(".hb-branch-order[data-order='likes']")


@pytest.mark.e2e
@pytest.mark.xdist_group("showcase-browser")
def test_the_showcase_hall_lists_every_branch_and_opens_a_branch_page(phone, demo_site):
    open_hall(phone)
    assert phone.locator(".hb-panel-title").text_content() == "分支展厅"
    cards = phone.locator(".hb-branch-card")
    assert cards.evaluate_all("cards => cards.map(card => card.dataset.branch)") == [
        "first-branch",
        "youth-volunteers",
    ]
    assert cards.first.locator(".hb-branch-name").text_content() == "第一党支部"
    assert cards.first.locator(".hb-branch-meta").text_content() == "3 项成果赞 0"
    box = cards.first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # fits the phone
    cards.first.click()
    phone.wait_for_selector(".hb-timeline")
    assert phone.locator(".hb-panel-title").text_content() == "第一党支部"
    assert phone.evaluate("document.activeElement.classList.contains('hb-branch-back')")
    dates = phone.locator(".hb-achievement time").all_text_contents()
    assert dates == ["2026-07-01", "2026-06-18", "2026-02-10"]  # newest first
    assert phone.locator(".hb-branch-gallery .hb-photo").count() == 2
    phone.wait_for_function("() => document.querySelector('.hb-branch-liking .hb-muted').textContent !== ''")
    # This visit's own view is counted before the count is shown (it used to say 浏览 0).
    assert phone.locator(".hb-branch-liking .hb-muted").text_content() == "浏览 1"
    counts = phone.request.get(f"{demo_site}api/halls/red-heart-hall/showcases").json()["showcases"]
    assert counts["first-branch"]["views"] >= 1  # the page view was counted by the service
    scroll_width = phone.evaluate("document.querySelector('.hb-panel').scrollWidth")
    assert scroll_width <= 390
    # Timeline photos scroll under the sticky header, not over it.
    phone.evaluate(
        """() => { const panel = document.querySelector('.hb-panel');
        const head = panel.querySelector('.hb-panel-head').getBoundingClientRect();
        const photo = panel.querySelector('.hb-timeline .hb-photo').getBoundingClientRect();
        panel.scrollTop += photo.top - head.top; }"""
    )
    head = phone.locator(".hb-panel-head").bounding_box()
    photo = phone.locator(".hb-timeline .hb-photo").first.bounding_box()
    assert photo["y"] < head["y"] + head["height"]  # the photo is behind the header now
    point = [photo["x"] + photo["width"] / 2, head["y"] + head["height"] / 2]
    assert phone.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.hb-panel-head') !== null", point
    )


@pytest.mark.e2e
@pytest.mark.xdist_group("showcase-browser")
def test_a_like_counts_once_and_ranks_the_branch_first(phone):
    open_hall(phone)
    phone.click(".hb-branch-card[data-branch='youth-volunteers']")
    like = phone.locator(".hb-like")
    like.wait_for()
    like.click()
    phone.wait_for_function(
        "() => document.querySelector('.hb-like').getAttribute('aria-pressed') === 'true'"
    )
    assert phone.locator(".hb-branch-liking .hb-likes").text_content() == "赞 1"
    assert like.is_disabled()
    phone.click(".hb-branch-back")
    phone.wait_for_selector(".hb-branch-order[data-order='likes']")
    assert phone.evaluate("document.activeElement.dataset.branch") == "youth-volunteers"
    phone.click(".hb-branch-order[data-order='likes']")
    ranked = phone.locator(".hb-branch-card").evaluate_all("cards => cards.map(card => card.dataset.branch)")
    assert ranked == ["youth-volunteers", "first-branch"]
    assert phone.locator(".hb-branch-card").first.locator(".hb-branch-rank").text_content() == "第 1 名"


@pytest.mark.e2e
@pytest.mark.xdist_group("showcase-browser")
def test_a_showcase_hotspot_opens_its_branch_by_keyboard(phone):
    phone.evaluate("location.hash = '#scene=concourse&yaw=-45&pitch=0&fov=70'")
    hotspot = phone.locator(".hb-hotspot[data-hotspot='first-branch-board']")
    hotspot.wait_for()
    assert hotspot.get_attribute("aria-label") == "第一党支部"
    hotspot.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_selector(".hb-timeline")
    assert phone.locator(".hb-panel-title").text_content() == "第一党支部"
    phone.keyboard.press("Tab")
    phone.keyboard.press("Escape")
    assert not phone.locator(".hb-panel").evaluate("dialog => dialog.open")


@pytest.mark.e2e
@pytest.mark.xdist_group("showcase-browser")
def test_the_showcase_hall_speaks_english_on_a_desktop(desktop_page, demo_site):
    desktop_page.set_default_timeout(20000)
    desktop_page.goto(demo_site)
    desktop_page.click("#hb-enter")
    desktop_page.wait_for_function("() => performance.getEntriesByName('tour:interactive').length > 0")
    open_hall(desktop_page)
    assert desktop_page.locator(".hb-panel-title").text_content() == "Branch showcases"
    orders = desktop_page.locator(".hb-branch-order").all_text_contents()
    assert orders == ["Default", "By likes", "By views"]
    desktop_page.click(".hb-branch-card[data-branch='youth-volunteers']")
    desktop_page.wait_for_selector(".hb-timeline")
    assert desktop_page.locator(".hb-panel-title").text_content() == "Youth Volunteers Branch"
    assert desktop_page.locator(".hb-branch-back").text_content() == "← Back to all branches"
    assert desktop_page.locator(".hb-achievement h4").first.text_content() == "Platform volunteer desk opens"
    desktop_page.click(".hb-achievement .hb-branch-go")  # "See it in the hall": the platform scene
    desktop_page.wait_for_function("() => window.hallbuilderTour.scene() === 'platform'")


@pytest.mark.e2e
@pytest.mark.xdist_group("showcase-browser")
def test_a_showcase_link_opens_the_branch_after_entering(phone_page, demo_site):
    phone_page.set_default_timeout(20000)
    phone_page.goto(f"{demo_site}#showcase=youth-volunteers")
    assert not phone_page.locator(".hb-panel").evaluate("dialog => dialog.open")  # the cover comes first
    phone_page.click("#hb-enter")
    phone_page.wait_for_selector(".hb-timeline")
    assert phone_page.locator(".hb-panel-title").text_content() == "青年志愿者支部"
    phone_page.evaluate("location.hash = 'showcase'")
    phone_page.wait_for_selector(".hb-branch-card")
    assert phone_page.locator(".hb-panel-title").text_content() == "分支展厅"
