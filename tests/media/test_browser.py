"""The produced media really play in Chromium on a phone-sized page served from 127.0.0.1.

Debian's Chromium ships the proprietary codecs, so H.264/AAC must report "probably" and play; if a future
build lacks them this test fails loudly instead of skipping.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from hallbuilder.builder.media import MediaStore

PAGE = """<!doctype html><meta charset="utf-8"><title>media</title>
<video id="video" src="{video}" poster="{poster}" muted playsinline preload="auto">
  <track kind="captions" srclang="zh" src="{captions}" default></video>
<audio id="narration" src="{audio}" muted preload="auto"></audio>"""

ADVANCES = """async (id) => {
  const element = document.getElementById(id);
  await element.play();
  const start = element.currentTime;
  await new Promise((resolve) => setTimeout(resolve, 600));
  return {readyState: element.readyState, start, now: element.currentTime, duration: element.duration,
          error: element.error && element.error.code};
}"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def served(tmp_path) -> Iterator[tuple[Path, str]]:
    """A folder served on a free port of 127.0.0.1: (folder, base URL)."""
    folder = tmp_path / "dist"
    folder.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.e2e
def test_video_narration_and_captions_play_on_a_phone(served, tmp_path, make_video, make_audio, phone_page):
    dist, base = served
    make_video("hall/video/intro.mp4", seconds=2.0, size=(320, 240))
    make_audio("hall/audio/lobby.mp3", seconds=2.0)
    store = MediaStore(tmp_path / "hall", dist, tmp_path / "cache")
    video, narration = store.video("video/intro.mp4"), store.audio("audio/lobby.mp3")
    captions = store.captions("欢迎来到展厅。请看这件青铜器。", narration["duration"], "zh")
    (dist / "index.html").write_text(
        PAGE.format(video=video["src"], poster=video["poster"], captions=captions, audio=narration["audio"]),
        encoding="utf-8",
    )
    phone_page.goto(f"{base}/index.html")

    support = phone_page.evaluate("""() => [
        document.createElement('video').canPlayType('video/mp4; codecs="avc1.4D401E, mp4a.40.2"'),
        document.createElement('audio').canPlayType('audio/mp4; codecs="mp4a.40.2"')]""")
    assert support == ["probably", "probably"]

    played = phone_page.evaluate(ADVANCES, "video")
    assert played["error"] is None and played["readyState"] >= 2
    assert played["now"] > played["start"]
    assert played["duration"] == pytest.approx(video["duration"], abs=0.05)
    assert phone_page.evaluate("() => [video.videoWidth, video.videoHeight]") == [320, 240]

    heard = phone_page.evaluate(ADVANCES, "narration")
    assert heard["error"] is None and heard["readyState"] >= 2 and heard["now"] > heard["start"]
    assert heard["duration"] == pytest.approx(narration["duration"], abs=0.05)

    cues = phone_page.evaluate(
        """() => Array.from(video.textTracks[0].cues, (cue) => [cue.startTime, cue.text])"""
    )
    assert cues == [[0, "欢迎来到展厅。"], [pytest.approx(0.933, abs=0.002), "请看这件青铜器。"]]
