"""MediaStore: the fragments the build puts in tour.json, content-hashed files in dist, the conversion cache."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

import hallbuilder.media.video
from hallbuilder.builder.media import MediaStore
from hallbuilder.errors import MediaError
from hallbuilder.media.settings import MediaSettings

from .conftest import photo_with_metadata

SCHEMA = json.loads((Path(__file__).parents[2] / "hallbuilder/builder/tour.schema.json").read_text())
HASHED = re.compile(r"^media/[0-9a-f]{16}\.(m4a|mp4|jpg|webp|vtt|pdf)$")


def conforms(fragment: object, definition: str) -> None:
    """Validate against one $defs entry of tour.schema.json, the contract with the viewer."""
    jsonschema.validate(fragment, {"$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{definition}"})


@pytest.fixture
def hall(tmp_path, make_audio, make_video) -> Path:
    """A project folder with one narration, one photo and one video, as hall.yaml would reference them."""
    make_audio("hall/audio/lobby-zh.mp3", seconds=2.0)
    photo_with_metadata(tmp_path / "hall/photos/bronze.jpg", size=(1200, 800))
    make_video("hall/video/intro.mp4", seconds=1.0, size=(160, 120))
    (tmp_path / "hall/docs").mkdir()
    (tmp_path / "hall/docs/Guide.PDF").write_bytes(b"%PDF-1.4 guide")
    return tmp_path / "hall"


def build(hall: Path, dist: Path, **settings) -> tuple[MediaStore, dict]:
    store = MediaStore(hall, dist, hall.parent / "cache", settings=replace(MediaSettings(), **settings))
    narration = store.audio("audio/lobby-zh.mp3")
    narration |= {
        "transcript": "欢迎。请看。",
        "captions": store.captions("欢迎。请看。", narration["duration"], "zh"),
    }
    return store, {
        "narration": narration,
        "image": store.image("photos/bronze.jpg"),
        "video": store.video("video/intro.mp4"),
        "file": store.file("docs/Guide.PDF"),
    }


def urls(fragment: object) -> list[str]:
    text = json.dumps(fragment)
    return re.findall(r'"(media/[^"]+)"', text)


def test_fragments_follow_the_tour_schema_and_point_at_hashed_files(hall, tmp_path):
    _, made = build(hall, tmp_path / "dist")
    conforms(made["narration"], "narration")
    conforms(made["image"], "media_image")
    conforms(made["video"], "media_video")
    assert made["narration"]["duration"] == pytest.approx(2.0, abs=0.03)
    assert (made["image"]["width"], made["image"]["height"]) == (800, 1200)
    assert (made["video"]["width"], made["video"]["height"], made["video"]["duration"]) == (160, 120, 1.0)
    assert made["file"].endswith(".pdf")
    for url in urls(made):
        assert HASHED.match(url), url
        assert (tmp_path / "dist" / url).is_file()
    assert sorted(path.name for path in (tmp_path / "dist/media").iterdir()) == sorted(
        {url.removeprefix("media/") for url in urls(made)}
    )
    vtt = (tmp_path / "dist" / made["narration"]["captions"]).read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:0")


def test_an_unchanged_hall_rebuilds_from_the_cache_without_converting(hall, tmp_path, monkeypatch):
    _, first = build(hall, tmp_path / "dist1")

    def refuse(*args):
        raise AssertionError("converted again although nothing changed")

    monkeypatch.setattr("hallbuilder.media.video.convert_video", refuse)
    monkeypatch.setattr("hallbuilder.media.audio.convert_audio", refuse)
    monkeypatch.setattr("hallbuilder.media.images.convert_image", refuse)
    _, second = build(hall, tmp_path / "dist2")
    assert second == first
    for url in urls(second):
        assert (tmp_path / "dist2" / url).read_bytes() == (tmp_path / "dist1" / url).read_bytes()


def test_a_rebuild_from_the_cache_never_imports_the_converters(hall, tmp_path):
    """PyAV and SciPy take half a second to import: an unchanged hall's rebuild must not pay it."""
    import subprocess
    import sys

    _, first = build(hall, tmp_path / "dist1")
    script = f"""
import json, sys
from pathlib import Path
from hallbuilder.builder.media import MediaStore
store = MediaStore(Path({str(hall)!r}), Path({str(tmp_path / "dist2")!r}), Path({str(hall.parent / "cache")!r}))
made = [store.audio("audio/lobby-zh.mp3"), store.image("photos/bronze.jpg"), store.video("video/intro.mp4")]
loaded = [name for name in ("av", "scipy", "hallbuilder.media.audio", "hallbuilder.media.images",
                            "hallbuilder.media.video") if name in sys.modules]
print(json.dumps({{"loaded": loaded, "video": made[2]["src"]}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=Path(__file__).parents[2], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"loaded": [], "video": first["video"]["src"]}


def test_changed_bytes_or_settings_convert_again(hall, tmp_path, make_video, monkeypatch):
    _, first = build(hall, tmp_path / "dist1")
    calls = []
    real = hallbuilder.media.video.convert_video
    monkeypatch.setattr("hallbuilder.media.video.convert_video", lambda *args: calls.append(1) or real(*args))
    _, same = build(hall, tmp_path / "dist2")
    _, smaller = build(hall, tmp_path / "dist3", video_max_width=80, video_max_height=60)
    make_video("hall/video/intro.mp4", seconds=0.5, size=(160, 120))
    _, edited = build(hall, tmp_path / "dist4")
    assert len(calls) == 2
    assert same["video"] == first["video"]
    assert (smaller["video"]["width"], smaller["video"]["height"]) == (80, 60)
    assert edited["video"]["duration"] == 0.5 and edited["video"]["src"] != first["video"]["src"]


def test_each_reference_is_converted_once_per_build_and_callers_get_their_own_copy(hall, tmp_path):
    store, made = build(hall, tmp_path / "dist")
    again = store.image("photos/bronze.jpg")
    again["alt"] = {"zh": "青铜器"}
    assert store.image("photos/bronze.jpg") == made["image"]


def test_a_failed_conversion_leaves_nothing_in_the_cache(hall, tmp_path):
    (hall / "video/intro.mp4").write_bytes(b"not a video at all")
    store = MediaStore(hall, tmp_path / "dist", tmp_path / "cache")
    with pytest.raises(MediaError) as caught:
        store.video("video/intro.mp4")
    assert caught.value.message == (
        "video/intro.mp4: cannot read this video file (it may be damaged). Export it again as MP4 (H.264)."
    )
    assert list((tmp_path / "cache").iterdir()) == []


@pytest.mark.parametrize("method", ["audio", "image", "video", "file"])
def test_a_missing_file_names_the_path(hall, tmp_path, method):
    store = MediaStore(hall, tmp_path / "dist", tmp_path / "cache")
    with pytest.raises(MediaError) as caught:
        getattr(store, method)("audio/lobby-en.mp3")
    assert caught.value.message == (
        "audio/lobby-en.mp3: file not found. Check the spelling; paths are relative "
        "to the folder that holds hall.yaml."
    )


def test_captions_are_none_without_a_duration(hall, tmp_path):
    store = MediaStore(hall, tmp_path / "dist", tmp_path / "cache")
    assert store.captions("欢迎。", None, "zh") is None
    assert store.captions("", 3.0, "zh") is None
