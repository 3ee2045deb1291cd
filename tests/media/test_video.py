"""Video: H.264 main + AAC-LC in a faststart MP4, upright, ≤ 720p and 30 fps, with a poster; limits enforced."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from hallbuilder.errors import MediaError
from hallbuilder.media.settings import MediaSettings
from hallbuilder.media.video import convert_video

SETTINGS = MediaSettings()


def top_level_boxes(path: Path) -> list[str]:
    """The MP4's top-level box types in file order."""
    data, boxes, offset = path.read_bytes(), [], 0
    while offset + 8 <= len(data):
        size = int.from_bytes(data[offset : offset + 4], "big")
        boxes.append(data[offset + 4 : offset + 8].decode("latin-1"))
        if size == 1:
            size = int.from_bytes(data[offset + 8 : offset + 16], "big")
        offset += size if size else len(data)
    return boxes


def describe(path: Path) -> dict:
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        audio = container.streams.audio[0] if container.streams.audio else None
        frames = list(container.decode(video))
        return {
            "video": (
                video.codec_context.name,
                video.codec_context.profile,
                video.codec_context.pix_fmt,
                video.width,
                video.height,
                video.average_rate,
            ),
            "audio": audio and (audio.codec_context.name, audio.codec_context.profile, audio.rate),
            "frames": len(frames),
            "rotation": frames[0].rotation,
            "first": frames[0].to_ndarray(format="rgb24"),
            "last": frames[-1].to_ndarray(format="rgb24"),
        }


def test_a_clip_becomes_h264_aac_with_faststart_and_a_poster(make_video, tmp_path):
    source = make_video("video/intro.mp4", seconds=2.0, size=(320, 240), fps=30)
    result = convert_video(source, tmp_path, "video/intro.mp4", SETTINGS)

    assert result == {
        "src": tmp_path / "video.mp4",
        "poster": tmp_path / "poster.jpg",
        "duration": 2.0,
        "width": 320,
        "height": 240,
    }
    found = describe(result["src"])
    assert found["video"] == ("h264", "Main", "yuv420p", 320, 240, 30)
    assert found["audio"] == ("aac", "LC", 48000)
    assert found["frames"] == 60
    boxes = top_level_boxes(result["src"])
    assert boxes.index("moov") < boxes.index("mdat")  # faststart: playback begins before the download ends
    with Image.open(result["poster"]) as poster:
        assert (poster.format, poster.size) == ("JPEG", (320, 240))
        # the poster is taken at 1 s, not the black first frame: the clip brightens from 0 to 255 over 2 s
        assert 100 < poster.getpixel((300, 120))[0] < 155


def test_a_sideways_60fps_phone_video_comes_out_upright_smaller_at_30fps(make_video, tmp_path):
    source = make_video("video/phone.mp4", seconds=1.0, size=(1280, 720), fps=60, rotation=-90)
    result = convert_video(
        source, tmp_path, "video/phone.mp4", replace(SETTINGS, video_max_width=640, video_max_height=360)
    )
    assert (result["width"], result["height"], result["duration"]) == (360, 640, 1.0)
    found = describe(result["src"])
    assert found["video"][3:] == (360, 640, 30)
    assert found["frames"] == 30
    assert found["rotation"] == 0
    # -90 means "turn clockwise to show": the red band stored on the left ends up on top
    assert tuple(found["first"][5, 180]) == pytest.approx((255, 0, 0), abs=24)
    assert tuple(found["first"][630, 180]) == pytest.approx((0, 0, 0), abs=24)
    with Image.open(result["poster"]) as poster:
        assert poster.size == (360, 640)


def test_a_silent_video_has_no_sound_track(make_video, tmp_path):
    result = convert_video(
        make_video("video/mute.mp4", seconds=0.5, sound=False), tmp_path, "v.mp4", SETTINGS
    )
    found = describe(result["src"])
    assert found["audio"] is None and found["frames"] == 15 and result["duration"] == 0.5


def test_too_large_a_file_is_refused_before_decoding(tmp_path):
    source = tmp_path / "big.mp4"
    source.write_bytes(bytes(3 * 2**20))
    with pytest.raises(MediaError) as caught:
        convert_video(source, tmp_path, "video/big.mp4", replace(SETTINGS, max_video_bytes=2 * 2**20))
    assert caught.value.message == (
        "video/big.mp4: the file is 3 MB; videos may be at most 2 MB. Export it "
        "again at 720p (plenty for phones) or shorten it."
    )


def test_too_long_a_video_is_refused(make_video, tmp_path):
    source = make_video("video/long.mp4", seconds=2.0, size=(64, 48))
    with pytest.raises(MediaError) as caught:
        convert_video(source, tmp_path, "video/long.mp4", replace(SETTINGS, max_video_seconds=1.0))
    assert caught.value.message == (
        "video/long.mp4: the video is 0:02 long (minutes:seconds); videos may be "
        "at most 0:01. Shorten it and try again."
    )


def test_a_damaged_video_is_refused_with_the_fix(tmp_path):
    source = tmp_path / "broken.mp4"
    source.write_bytes(b"\x00\x00\x00\x20ftypisom" + np.random.default_rng(1).bytes(2000))
    with pytest.raises(MediaError) as caught:
        convert_video(source, tmp_path, "video/broken.mp4", SETTINGS)
    assert caught.value.message == (
        "video/broken.mp4: cannot read this video file (it may be damaged). Export it again as MP4 (H.264)."
    )


def test_a_sound_file_is_not_a_video(make_audio, tmp_path):
    source = make_audio("video/song.mp3", seconds=0.5)
    with pytest.raises(MediaError) as caught:
        convert_video(source, tmp_path, "video/song.mp3", SETTINGS)
    assert caught.value.message == (
        "video/song.mp3: this file has no picture in it. Export it again as MP4 (H.264)."
    )
