"""Before any tiling, `check` and `build` read every photo and media file far enough to know it converts, and
report every problem at once, each on the line of hall.yaml (or showcase.yaml) that names the file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from media_files import cut_in_half, write_jpeg, write_wav
from PIL import Image

from hallbuilder.builder import build_hall
from hallbuilder.builder.cache import CACHE_NAME
from hallbuilder.cli import cli
from hallbuilder.errors import MediaError, PhotoError

CUT_WAV = (
    "the file is cut short: it holds 0:01 of the 0:03 (minutes:seconds) its header announces. "
    "Copy it again from the original, or export it again."
)
BAD_IMAGE = "cannot read this image (it may be damaged or in an unsupported format). Save it again as JPEG, PNG or WebP."
BAD_VIDEO = "cannot read this video file (it may be damaged). Export it again as MP4 (H.264)."
BAD_AUDIO = "cannot read this audio file (it may be damaged). Export it again as MP3, M4A, WAV or OGG."


@pytest.fixture
def with_media(hall, write_clip):
    """The scaffold with narration (audio/lobby-zh.wav), an exhibit photo and a video in the lobby, all good."""
    config = hall / "hall.yaml"
    text = config.read_text("utf-8")
    text = text.replace("# audio: audio/lobby-zh.mp3", "audio: audio/lobby-zh.wav")
    text = text.replace("# images: [media/photo1.jpg]", "images: [media/photo1.jpg]")
    text = text.replace("# video: media/film.mp4", "video: media/film.mp4")
    config.write_text(text, "utf-8")
    write_wav(hall / "audio" / "lobby-zh.wav")
    write_jpeg(hall / "media" / "photo1.jpg")
    write_clip(hall / "media" / "film.mp4")
    return hall


def no_tiles(hall) -> bool:
    return not any((hall / CACHE_NAME).glob("*/tiles")) and not (hall / "dist").exists()


def test_check_and_build_report_every_damaged_file_at_once_before_tiling(with_media):
    hall = with_media
    for name in ("audio/lobby-zh.wav", "media/photo1.jpg", "media/film.mp4", "photos/gallery.jpg"):
        cut_in_half(hall / name)
    expected = [
        f"hall.yaml:31 scenes[0].narration.zh-CN.audio: {CUT_WAV}",
        f"hall.yaml:43 scenes[0].hotspots[1].images[0]: {BAD_IMAGE}",
        f"hall.yaml:44 scenes[0].hotspots[1].video: {BAD_VIDEO}",
        "hall.yaml:50 scenes[1].photo: the image data is truncated or damaged; "
        "copy the file again from the camera or re-export it",
    ]
    checked = CliRunner().invoke(cli, ["check", str(hall)])
    assert checked.exit_code == 2 and "Traceback" not in checked.output
    assert checked.output.splitlines() == expected
    # the build decodes photos only while tiling: a photo cut in half passes its header check there
    with pytest.raises(MediaError) as caught:
        build_hall(hall)
    assert caught.value.exit_code == 2
    assert caught.value.lines() == expected[:3]
    assert no_tiles(hall)


def test_good_media_pass_and_are_counted(with_media):
    checked = CliRunner().invoke(cli, ["check", str(with_media)])
    assert checked.exit_code == 0, checked.output
    assert "2 photo(s) read in full; 3 media file(s) read" in checked.output


def test_a_rebuild_reads_no_media_again(with_media, monkeypatch):
    build_hall(with_media)

    def never(*args):
        raise AssertionError("an unchanged, converted file was read again")

    monkeypatch.setattr("hallbuilder.media.probe.probe", never)
    assert build_hall(with_media).reused == 2


def test_a_conversion_failure_the_checks_missed_names_its_line(with_media, monkeypatch):
    (with_media / "audio" / "lobby-zh.wav").write_bytes(b"RIFF not really a recording" * 20)
    monkeypatch.setattr("hallbuilder.media.probe.probe", lambda *args: None)  # a damage it could not foresee
    with pytest.raises(MediaError) as caught:
        build_hall(with_media)
    assert caught.value.lines() == [f"hall.yaml:31 scenes[0].narration.zh-CN.audio: {BAD_AUDIO}"]
    assert not (with_media / "dist").exists()


def test_photo_problems_name_the_line_and_the_key(hall):
    Image.new("RGB", (3000, 1000), "grey").save(hall / "photos" / "lobby.jpg")
    Image.new("RGB", (800, 400), "grey").save(hall / "photos" / "gallery.jpg")
    with pytest.raises(PhotoError) as caught:
        build_hall(hall)
    lobby, gallery = caught.value.lines()
    assert lobby.startswith(
        "hall.yaml:25 scenes[0].photo: the photo is 3000×1000 pixels, but a full panorama"
    )
    assert gallery == (
        "hall.yaml:50 scenes[1].photo: the photo is only 800×400 pixels; panoramas must be at least 1024×512 "
        "(8192×4096 or more looks sharp); use the original full-size export"
    )


SHOWCASE = """\
name: 第一支部
logo: logo.png
achievements:
  - title: 获奖
    date: 2026-06-18
    video: media/clip.mp4
scenes:
  - id: room
    title: 活动室
    photo: media/room.jpg
    narration: {zh-CN: {audio: media/room.wav}}
"""


def test_showcase_files_are_reported_on_the_showcase_yaml_line(hall, make_equirect, write_clip):
    folder = hall / "showcases" / "first"
    folder.mkdir(parents=True)
    (folder / "showcase.yaml").write_text(SHOWCASE, "utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n damaged")
    cut_in_half(write_clip(folder / "media" / "clip.mp4"))
    cut_in_half(write_wav(folder / "media" / "room.wav"))
    make_equirect(1024, 600, name="room.jpg", folder=folder / "media")
    name = "showcases/first/showcase.yaml"
    checked = CliRunner().invoke(cli, ["check", str(hall)])
    assert checked.exit_code == 2
    lines = checked.output.splitlines()
    assert lines[:2] == [f"{name}:2 logo: {BAD_IMAGE}", f"{name}:6 achievements[0].video: {BAD_VIDEO}"]
    assert lines[2].startswith(
        f"{name}:10 scenes[0].photo: the photo is 1024×600 pixels, but a full panorama"
    )
    assert lines[3:] == [f"{name}:11 scenes[0].narration.zh-CN.audio: {CUT_WAV}"]
    with pytest.raises(MediaError) as caught:
        build_hall(hall)
    assert caught.value.lines() == checked.output.splitlines()
    assert no_tiles(hall)


def test_a_good_build_still_converts_everything(with_media):
    build_hall(with_media)
    tour = json.loads((with_media / "dist" / "tour.json").read_text("utf-8"))
    lobby = tour["scenes"][0]
    assert lobby["narration"]["zh-CN"]["duration"] == 3.0
    assert lobby["hotspots"][1]["video"]["duration"] == 1.0


def test_a_photo_found_damaged_while_tiling_names_its_line(hall, snapshot):
    build_hall(hall)
    before = snapshot(hall / "dist")
    photo = hall / "photos" / "gallery.jpg"
    photo.write_bytes(photo.read_bytes()[:-20000])  # the headers are whole: only decoding it finds the damage
    with pytest.raises(PhotoError) as caught:
        build_hall(hall)
    assert caught.value.lines() == [
        "hall.yaml:50 scenes[1].photo: the image data is truncated or damaged; "
        "copy the file again from the camera or re-export it"
    ]
    assert snapshot(hall / "dist") == before
