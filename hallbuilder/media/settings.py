"""Every number that shapes a media output, in one place, so the cache can key on them."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class MediaSettings:
    """What the build produces. Changing any field changes the cache key, so outputs are redone."""

    # narration: speech at a mobile bitrate, one loudness for every scene
    loudness_target: float = -16.0  # LUFS, integrated (EBU R128 / ITU-R BS.1770)
    peak_ceiling: float = -1.0  # dBFS; louder peaks are softly limited
    audio_rate: int = 48000
    audio_bitrate: int = 64000
    max_narration_seconds: float = 30 * 60

    # photos: a few widths so a phone downloads only what its screen needs
    image_widths: tuple[int, ...] = (480, 960, 1600)
    jpeg_quality: int = 82  # also the video posters'
    webp_quality: int = 80
    max_image_pixels: int = 80_000_000  # below Pillow's own decompression-bomb warning

    # video: H.264/AAC that plays everywhere, iOS and WeChat included
    video_max_width: int = 1280
    video_max_height: int = 720
    video_max_fps: float = 30.0
    video_crf: int = 26
    video_maxrate: int = 2_000_000
    video_audio_bitrate: int = 96000
    max_video_bytes: int = 500 * 1024 * 1024
    max_video_seconds: float = 5 * 60

    def key(self, kind: str) -> str:
        """A stable text of the settings that matter for one kind of conversion."""
        prefix = {
            "audio": ("loudness", "peak", "audio", "max_narration"),
            "image": ("image", "jpeg", "webp", "max_image"),
            "video": ("video", "max_video", "jpeg"),
        }[kind]
        chosen = {name: value for name, value in asdict(self).items() if name.startswith(prefix)}
        return json.dumps({"kind": kind, **chosen}, sort_keys=True)
