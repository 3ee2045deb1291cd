""" "Scan to listen": the audio-first page of each narrated scene, its QR code, and playback in Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import cv2
import pytest
from click.testing import CliRunner
from playwright.sync_api import expect

from hallbuilder.builder import build_hall
from hallbuilder.cli import cli
from hallbuilder.samples import chime


@pytest.fixture
def narrated_dist(hall: Path) -> Path:
    chime(hall / "audio" / "lobby-zh.wav", seconds=3.0)
    chime(hall / "audio" / "lobby-en.wav", seconds=2.0)
    config = hall / "hall.yaml"
    config.write_text(
        config.read_text("utf-8").replace(
            "        # audio: audio/lobby-zh.mp3",
            "        audio: audio/lobby-zh.wav\n      en:\n        audio: audio/lobby-en.wav\n"
            "        transcript: \"Welcome <script>alert('x')</script> to the hall.\"\n        # audio:",
        ),
        "utf-8",
    )
    build_hall(hall)
    return hall / "dist"


def test_each_narrated_scene_gets_a_listen_page_and_a_code(narrated_dist, tmp_path):
    page = (narrated_dist / "listen" / "lobby.html").read_text("utf-8")
    assert not (narrated_dist / "listen" / "gallery.html").exists()  # no narration there
    assert (
        "<script>alert" not in page
        and "Welcome &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; to the hall." in page
    )
    assert '<a href="#zh-CN" lang="zh-CN">普通话</a><a href="#en" lang="en">English</a>' in page
    for source in ("media/", "listen.js", "listen.css"):
        assert source in page
    result = CliRunner().invoke(
        cli, ["qr", str(narrated_dist), "--url", "https://hall.example.org/", "-o", str(tmp_path / "qr")]
    )
    assert result.exit_code == 0, result.output
    text, _, _ = cv2.QRCodeDetectorAruco().detectAndDecode(
        cv2.imread(str(tmp_path / "qr" / "listen-lobby.png"))
    )
    assert text == "https://hall.example.org/listen/lobby.html"
    assert not (tmp_path / "qr" / "listen-gallery.png").exists()


@pytest.fixture
def served(narrated_dist: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(narrated_dist))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.e2e
def test_the_listen_page_plays_on_a_phone_and_switches_language(phone_page, served):
    page = phone_page
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("response", lambda response: response.status >= 400 and errors.append(response.url))
    page.goto(served + "listen/lobby.html")
    expect(page.locator("#zh-CN")).to_be_visible()
    expect(page.locator("#en")).to_be_hidden()
    button = page.locator("#zh-CN button.play")
    assert button.bounding_box()["height"] >= 80  # a big button for elderly visitors
    button.click()
    page.wait_for_function("() => document.getElementById('audio-zh-CN').currentTime > 0.3")
    assert button.text_content() == "❚❚ 暂停"
    page.click("nav a[href='#en']")
    expect(page.locator("#en")).to_be_visible()
    expect(page.locator("#zh-CN")).to_be_hidden()
    page.wait_for_function("() => document.getElementById('audio-zh-CN').paused")
    page.click("#en button.play")
    page.wait_for_function("() => document.getElementById('audio-en').currentTime > 0.3")
    assert errors == []


@pytest.mark.e2e
def test_the_listen_page_follows_the_browsers_language_and_shows_captions(desktop_page, served):
    page = desktop_page  # the desktop browser asks for English
    page.goto(served + "listen/lobby.html")
    expect(page.locator("#en")).to_be_visible()
    expect(page.locator("#zh-CN")).to_be_hidden()
    # None of the page's own words stay Chinese beside the English narration.
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("a.back").text_content() == "See it in the tour"
    assert page.locator("nav").get_attribute("aria-label") == "Language"
    assert page.locator("h1").text_content() == "Entrance"
    page.click("#en button.play")
    caption = page.locator("#caption-en")
    page.wait_for_function("() => document.getElementById('caption-en').textContent !== ''")
    assert caption.text_content() in "Welcome <script>alert('x')</script> to the hall."
    assert caption.is_visible()


@pytest.mark.e2e
def test_the_listen_page_follows_the_tours_language(phone_page, served):
    page = phone_page  # a Chinese browser, but the visitor chose English in the tour
    page.goto(served)
    page.evaluate("() => localStorage.setItem('hallbuilder:lang', 'en')")
    page.goto(served + "listen/lobby.html")
    expect(page.locator("#en")).to_be_visible()
    assert page.locator("a.back").text_content() == "See it in the tour"
    page.click("nav a[href='#zh-CN']")
    expect(page.locator("#zh-CN")).to_be_visible()
    assert page.locator("a.back").text_content() == "在全景中查看"
    assert page.evaluate("localStorage.getItem('hallbuilder:lang')") == "zh-CN"
