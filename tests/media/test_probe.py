"""The probes read a media file just far enough to know its conversion works: what they refuse, the conversion
refuses too (same message), and a file cut short is refused although FFmpeg would convert what is left."""

from __future__ import annotations

import struct
from dataclasses import replace

import pytest
from PIL import Image

from hallbuilder.errors import MediaError
from hallbuilder.media.audio import convert_audio
from hallbuilder.media.probe import probe
from hallbuilder.media.settings import MediaSettings
from hallbuilder.media.video import convert_video

from .conftest import photo_with_metadata

SETTINGS = MediaSettings()


def refusal(kind: str, source, label: str, settings: MediaSettings = SETTINGS) -> str:
    with pytest.raises(MediaError) as caught:
        probe(kind, source, label, settings)
    return caught.value.message


def halve(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize("extension", ["wav", "mp3", "ogg", "m4a"])
def test_good_recordings_pass(make_audio, extension):
    probe("audio", make_audio(f"audio/a.{extension}"), f"audio/a.{extension}", SETTINGS)


@pytest.mark.parametrize("extension", ["wav", "mp3"])
def test_a_recording_cut_in_half_is_refused_though_it_would_convert(make_audio, tmp_path, extension):
    source = halve(make_audio(f"audio/a.{extension}", seconds=5))
    assert convert_audio(source, tmp_path, "a", SETTINGS)["duration"] < 2.6  # half the narration, silently
    assert refusal("audio", source, f"audio/a.{extension}") == (
        f"audio/a.{extension}: the file is cut short: it holds 0:02 of the 0:05 (minutes:seconds) its header "
        "announces. Copy it again from the original, or export it again."
    )


@pytest.mark.parametrize("placeholder", [0xFFFFFFFF, 0x7FFFF000])  # 0x7ffff000: `espeak-ng --stdout`
def test_a_wav_written_as_a_stream_has_no_length_to_hold_it_to(make_audio, placeholder):
    source = make_audio("audio/live.wav")
    data = bytearray(source.read_bytes())
    at = data.index(b"data") + 4
    data[at : at + 4] = struct.pack("<I", placeholder)  # "length unknown", as streaming writers put it
    source.write_bytes(bytes(data))
    probe("audio", source, "audio/live.wav", SETTINGS)


def test_a_damaged_recording_gets_the_conversions_message(make_audio, tmp_path):
    source = make_audio("audio/a.m4a")
    halve(source)  # an M4A keeps its index at the end: half of it cannot be opened
    message = refusal("audio", source, "audio/a.m4a")
    assert message == (
        "audio/a.m4a: cannot read this audio file (it may be damaged). Export it again as MP3, M4A, WAV or OGG."
    )
    with pytest.raises(MediaError) as caught:
        convert_audio(source, tmp_path, "audio/a.m4a", SETTINGS)
    assert caught.value.message == message


def test_narration_too_long_by_its_header(make_audio):
    source = make_audio("audio/long.ogg", seconds=2.5)
    assert refusal("audio", source, "audio/long.ogg", replace(SETTINGS, max_narration_seconds=2.0)) == (
        "audio/long.ogg: narration may be at most 0:02 long (minutes:seconds). Shorten it or split it between scenes."
    )


def test_a_video_as_narration_without_sound(make_video):
    source = make_video("audio/clip.mp4", seconds=0.5, sound=False)
    assert refusal("audio", source, "audio/clip.mp4") == (
        "audio/clip.mp4: this file has no sound in it. Export it again as MP3, M4A, WAV or OGG."
    )


def test_a_good_video_passes_and_one_cut_short_is_refused(make_video, tmp_path):
    converted = convert_video(make_video("video/a.mp4"), tmp_path, "video/a.mp4", SETTINGS)["src"]
    probe("video", converted, "video/b.mp4", SETTINGS)  # its index is first (faststart): it opens when cut
    halve(converted)
    assert refusal("video", converted, "video/b.mp4") == (
        "video/b.mp4: the file is cut short: it holds 0:00 of the 0:02 (minutes:seconds) its header announces. "
        "Copy it again from the original, or export it again."
    )


def test_video_limits_are_the_conversions(make_video):
    source = make_video("video/long.mp4", seconds=2.0, size=(64, 48))
    assert refusal("video", source, "video/long.mp4", replace(SETTINGS, max_video_seconds=1.0)) == (
        "video/long.mp4: the video is 0:02 long (minutes:seconds); videos may be at most 0:01. "
        "Shorten it and try again."
    )
    assert refusal("video", halve(source), "video/long.mp4") == (
        "video/long.mp4: cannot read this video file (it may be damaged). Export it again as MP4 (H.264)."
    )


def test_images_truncated_or_too_large(tmp_path):
    source = photo_with_metadata(tmp_path / "photo.jpg", orientation=1)
    probe("image", source, "media/photo.jpg", SETTINGS)
    halve(source)
    assert refusal("image", source, "media/photo.jpg") == (
        "media/photo.jpg: cannot read this image (it may be damaged or in an unsupported format). "
        "Save it again as JPEG, PNG or WebP."
    )
    Image.new("RGB", (3000, 2000)).save(tmp_path / "huge.png")
    assert refusal(
        "image", tmp_path / "huge.png", "cover.png", replace(SETTINGS, max_image_pixels=5_000_000)
    ) == (
        "cover.png: the image is 3000×2000 pixels; at most 5 megapixels are accepted. "
        "Save it smaller (2000 pixels wide is plenty for a phone)."
    )
