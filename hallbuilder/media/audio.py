"""Narration → mono AAC-LC in M4A at one loudness target: plays on iOS, Android and in WeChat.

Two decoding passes (measure, then encode) keep memory flat however long the recording is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np
from av.audio.fifo import AudioFifo
from av.audio.resampler import AudioResampler

from hallbuilder.media.loudness import RATE, LoudnessMeter
from hallbuilder.media.messages import (
    narration_too_long,
    silent_audio,
    unreadable_audio,
)
from hallbuilder.media.probe import open_sound
from hallbuilder.media.settings import MediaSettings

AAC_FRAME = 1024


def decode_mono(source: Path, label: str) -> Iterator[np.ndarray]:
    """The first sound track as mono float32 chunks at 48 kHz."""
    with open_sound(source, label) as container:
        resampler = AudioResampler(format="flt", layout="mono", rate=RATE)
        try:
            for frame in container.decode(audio=0):
                for mono in resampler.resample(frame):
                    yield mono.to_ndarray()[0]
            for mono in resampler.resample(None):
                yield mono.to_ndarray()[0]
        except av.FFmpegError as error:
            raise unreadable_audio(label) from error


def measure(source: Path, label: str, settings: MediaSettings) -> tuple[int, float | None]:
    """(sample count at 48 kHz, integrated loudness in LUFS or None when silent or shorter than 0.4 s)."""
    meter, count = LoudnessMeter(), 0
    limit = settings.max_narration_seconds * RATE
    for chunk in decode_mono(source, label):
        meter.feed(chunk)
        count += len(chunk)
        if count > limit:
            raise narration_too_long(label, settings)
    if count == 0:
        raise silent_audio(label)
    return count, meter.integrated()


def soft_limit(samples: np.ndarray, ceiling_db: float) -> np.ndarray:
    """Leave samples more than 2 dB under the ceiling alone; bend louder ones smoothly towards the ceiling."""
    ceiling = 10 ** (ceiling_db / 20)
    knee = ceiling * 10 ** (-2 / 20)
    size = np.abs(samples)
    over = size > knee
    if over.any():
        bent = knee + (ceiling - knee) * np.tanh((size[over] - knee) / (ceiling - knee))
        samples = samples.copy()
        samples[over] = np.sign(samples[over]) * bent
    return samples


def encode(chunks: Iterator[np.ndarray], target: Path, gain: float, settings: MediaSettings) -> None:
    """Write mono AAC-LC into an M4A whose index sits at the start (playback starts before the download ends)."""
    with av.open(str(target), "w", format="ipod", options={"movflags": "+faststart"}) as output:
        stream = output.add_stream("aac", rate=RATE, layout="mono")
        stream.bit_rate = settings.audio_bitrate
        fifo, written = AudioFifo(), 0
        for chunk in chunks:
            data = soft_limit(chunk * gain, settings.peak_ceiling).astype(np.float32)
            frame = av.AudioFrame.from_ndarray(data.reshape(1, -1), format="fltp", layout="mono")
            frame.sample_rate, frame.pts = RATE, written
            written += len(data)
            fifo.write(frame)
            for piece in fifo.read_many(AAC_FRAME):
                output.mux(stream.encode(piece))
        if fifo.samples:
            output.mux(stream.encode(fifo.read()))
        output.mux(stream.encode(None))


def convert_narration(source: Path, target: Path, label: str, settings: MediaSettings) -> float:
    """Normalise `source` to the loudness target into `target` (.m4a); return its duration in seconds."""
    count, loudness = measure(source, label, settings)
    gain = 1.0 if loudness is None else 10 ** ((settings.loudness_target - loudness) / 20)
    encode(decode_mono(source, label), target, gain, settings)
    return round(count / RATE, 3)


def convert_audio(source: Path, workdir: Path, label: str, settings: MediaSettings) -> dict:
    """Write `narration.m4a` into `workdir`; return the tour.json narration fragment with a Path for the URL."""
    target = workdir / "narration.m4a"
    return {"audio": target, "duration": convert_narration(source, target, label, settings)}
