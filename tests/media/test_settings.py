"""The cache key of a conversion changes with exactly the settings that shape its output."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hallbuilder.media.settings import MediaSettings

BASE = MediaSettings()


@pytest.mark.parametrize(
    ("change", "changed"),
    [
        ({"loudness_target": -18.0}, {"audio"}),
        ({"audio_bitrate": 48000}, {"audio"}),
        ({"image_widths": (640, 1280)}, {"image"}),
        ({"webp_quality": 70}, {"image"}),
        ({"jpeg_quality": 75}, {"image", "video"}),  # video posters are JPEG too
        ({"video_crf": 28}, {"video"}),
        ({"max_video_seconds": 60.0}, {"video"}),
    ],
)
def test_a_setting_changes_the_key_of_the_conversions_it_shapes(change, changed):
    other = replace(BASE, **change)
    assert {kind for kind in ("audio", "image", "video") if other.key(kind) != BASE.key(kind)} == changed
