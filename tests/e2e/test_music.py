"""Issue 15 item 2: background music on a phone: not fetched before Enter, ducked under narration, the mute
button remembered."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from variants import variant
from viewer_server import serve
from viewer_tour import Tour

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("viewer")]

MUSIC = "media/music-under-test.m4a"
VOLUME = 0.4
DUCKED = VOLUME * 0.2  # music.js DUCKED
MUSIC_VOLUME = "document.getElementById('hb-music').volume"


def with_music(tour: dict) -> None:
    tour["hall"]["music"] = {"src": MUSIC, "volume": VOLUME}


@pytest.fixture(scope="module")
def music_site(sample_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    dist = variant(sample_dist, tmp_path_factory.mktemp("music"), with_music)
    narration = next((dist / "media").glob("*.m4a"))
    shutil.copyfile(narration, dist / MUSIC)
    with serve(dist) as base:
        yield base


@pytest.fixture
def phone(phone_page, music_site: str) -> Tour:
    phone_page.set_default_timeout(20000)
    return Tour(phone_page, music_site)


def music_requests(tour: Tour) -> list[str]:
    return [url for url in tour.requests if url.endswith(MUSIC)]


def test_music_is_not_fetched_before_enter_and_plays_after(phone):
    phone.open(enter=False)
    phone.page.wait_for_function("() => window.hallbuilderTour.settled()")
    phone.page.wait_for_selector("#hb-music", state="attached")  # the music's code is in, its file is not
    assert music_requests(phone) == []
    assert phone.page.is_hidden(".hb-music")
    phone.page.click("#hb-enter")
    phone.page.wait_for_function(
        f"() => !document.getElementById('hb-music').paused && {MUSIC_VOLUME} > {VOLUME - 0.01}"
    )
    assert music_requests(phone) != []
    assert phone.page.get_attribute(".hb-music", "aria-pressed") == "true"
    assert phone.errors == []


def test_music_ducks_under_narration_and_comes_back(phone):
    phone.open()
    page = phone.page
    page.wait_for_function("() => !document.getElementById('hb-music').paused")
    page.evaluate("() => { const a = document.querySelector('.hb-audio'); a.loop = true; a.play(); }")
    page.wait_for_function(
        f"() => !document.querySelector('.hb-audio').paused && Math.abs({MUSIC_VOLUME} - {DUCKED}) < 0.005"
    )
    assert not page.evaluate("document.getElementById('hb-music').paused")  # softer, still playing
    page.evaluate("document.querySelector('.hb-audio').pause()")
    page.wait_for_function(f"() => Math.abs({MUSIC_VOLUME} - {VOLUME}) < 0.005")


def test_the_mute_button_is_remembered(phone):
    phone.open()
    page = phone.page
    page.wait_for_function("() => !document.getElementById('hb-music').paused")
    page.click(".hb-music")
    page.wait_for_function("() => document.getElementById('hb-music').paused")
    assert page.get_attribute(".hb-music", "aria-label") == "播放背景音乐"
    phone.open()  # the same phone, a later visit
    page.wait_for_selector(".hb-music[aria-pressed='false']")
    page.wait_for_function("() => window.hallbuilderTour.settled()")
    assert page.evaluate("document.getElementById('hb-music').paused")
