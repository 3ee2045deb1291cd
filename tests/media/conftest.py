"""Generated media for the media tests: short sound files in every accepted format, photos, a video."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from av.audio.fifo import AudioFifo
from PIL import ExifTags, Image, ImageCms
from scipy.signal import butter, lfilter

# container format, codec, sample rate, sample format for each narration format staff send
AUDIO_FORMATS = {
    "wav": ("wav", "pcm_s16le", 44100, "s16"),
    "mp3": ("mp3", "libmp3lame", 44100, "fltp"),
    "ogg": ("ogg", "libopus", 48000, "flt"),
    "m4a": ("ipod", "aac", 44100, "fltp"),
}


def speechlike(seconds: float, rate: int, level: float, seed: int = 0) -> np.ndarray:
    """Stereo tones and low-passed noise shaped into syllables (4 per second) with pauses: loudness gating matters as in speech."""
    rng = np.random.default_rng(seed)
    times = np.arange(int(seconds * rate)) / rate
    envelope = np.clip(np.sin(2 * np.pi * 2 * times), 0, None) * (times % 2 < 1.6)
    voice = 0.5 * np.sin(2 * np.pi * 180 * times) + 0.3 * np.sin(2 * np.pi * 720 * times)
    noise = voice + lfilter(*butter(2, 3500, fs=rate), rng.standard_normal((2, len(times))) * 0.2)
    return (noise * envelope * level).clip(-1, 1).astype(np.float32)


def write_audio(path: Path, samples: np.ndarray, rate: int) -> Path:
    """Write stereo float samples (2, n) in the format the suffix names."""
    container_format, codec, codec_rate, sample_format = AUDIO_FORMATS[path.suffix[1:]]
    if codec_rate != rate:
        raise ValueError("generate the samples at the codec's rate")
    with av.open(str(path), "w", format=container_format) as output:
        stream = output.add_stream(codec, rate=rate, layout="stereo")
        frame_size = stream.codec_context.frame_size or 1024
        fifo = AudioFifo()
        if sample_format == "s16":
            data = (samples.T.reshape(1, -1) * 32767).astype(np.int16)
        else:
            data = samples if sample_format.endswith("p") else samples.T.reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(data, format=sample_format, layout="stereo")
        frame.sample_rate, frame.pts, frame.time_base = rate, 0, Fraction(1, rate)
        fifo.write(frame)
        for piece in fifo.read_many(frame_size):
            output.mux(stream.encode(piece))
        if fifo.samples:
            output.mux(stream.encode(fifo.read()))
        output.mux(stream.encode(None))
    return path


@pytest.fixture
def make_audio(tmp_path: Path):
    """make_audio("audio/lobby.mp3", seconds=3, level=0.1) → the written path."""

    def make(relative: str, seconds: float = 3.0, level: float = 0.1, seed: int = 0) -> Path:
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        rate = AUDIO_FORMATS[target.suffix[1:]][2]
        return write_audio(target, speechlike(seconds, rate, level, seed), rate)

    return make


def write_video(
    path: Path,
    seconds: float = 2.0,
    size: tuple[int, int] = (320, 240),
    fps: int = 30,
    rotation: int = 0,
    sound: bool = True,
) -> Path:
    """A clip whose frames get brighter over time, with a 440 Hz tone; `rotation` sets a phone's display matrix."""
    width, height = size
    with av.open(str(path), "w", format="mp4") as output:
        video = output.add_stream("libx264", rate=fps, options={"preset": "ultrafast"})
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        if rotation:
            video.set_display_rotation(rotation)
        audio = output.add_stream("aac", rate=44100, layout="mono") if sound else None
        frames = round(seconds * fps)
        for index in range(frames):
            pixels = np.zeros((height, width, 3), np.uint8)
            pixels[:, : width // 4] = (255, 0, 0)  # a red band on the left shows the orientation
            pixels[:, width // 4 :] = int(255 * index / frames)
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            frame.pts = index
            output.mux(video.encode(frame))
        output.mux(video.encode(None))
        if audio is not None:
            times = np.arange(int(seconds * 44100)) / 44100
            tone = (0.3 * np.sin(2 * np.pi * 440 * times)).astype(np.float32).reshape(1, -1)
            fifo = AudioFifo()
            frame = av.AudioFrame.from_ndarray(tone, format="fltp", layout="mono")
            frame.sample_rate, frame.pts, frame.time_base = 44100, 0, Fraction(1, 44100)
            fifo.write(frame)
            for piece in fifo.read_many(1024):
                output.mux(audio.encode(piece))
            output.mux(audio.encode(None))
    return path


@pytest.fixture
def make_video(tmp_path: Path):
    """make_video("video/intro.mp4", seconds=2, fps=60, rotation=90) → the written path."""

    def make(relative: str, **options) -> Path:
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        return write_video(target, **options)

    return make


def photo_with_metadata(path: Path, size: tuple[int, int] = (2400, 1600), orientation: int = 6) -> Path:
    """A JPEG as a phone writes it: stored sideways with an EXIF orientation, GPS position, camera make.

    It carries a colour profile too. The left third is blue, the rest red, so the applied orientation can be checked from the pixels.
    """
    picture = Image.new("RGB", size, (220, 30, 30))
    picture.paste((30, 30, 220), (0, 0, size[0] // 3, size[1]))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.BodySerialNumber] = "SN-123456"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", (31.0, 14.0, 5.5)
    gps[ExifTags.GPS.GPSLongitudeRef], gps[ExifTags.GPS.GPSLongitude] = "E", (121.0, 28.0, 9.25)
    path.parent.mkdir(parents=True, exist_ok=True)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    picture.save(path, exif=exif, icc_profile=icc, quality=90)
    return path
