"""Tiny real media files for the build's checks: a WAV tone, an H.264 clip, a JPEG; and cut-short copies."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
from PIL import Image


def write_wav(path: Path, seconds: float = 3.0, rate: int = 16000) -> Path:
    """A mono 16-bit PCM tone, as a recorder writes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    times = np.arange(int(seconds * rate)) / rate
    samples = (0.3 * np.sin(2 * np.pi * 440 * times) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def write_jpeg(path: Path, size: tuple[int, int] = (640, 480)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = np.linspace(0, 255, size[0] * size[1] * 3).astype(np.uint8).reshape(size[1], size[0], 3)
    Image.fromarray(rows, "RGB").save(path, quality=90)
    return path


def cut_in_half(path: Path) -> Path:
    """Keep the first half of the file, as an interrupted copy does."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path
