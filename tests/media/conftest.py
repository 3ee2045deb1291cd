"""Generated media for the media tests: short sound files in every accepted format, photos, a video."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from av.audio.fifo import AudioFifo
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
