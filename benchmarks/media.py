"""Media for a small hall: what phones download, and what an unchanged rebuild costs.

`python -m benchmarks media` builds the media of a hall (3 one-minute narrations as 128 kbit/s stereo MP3,
the real 4096×2048 photos from ../shared/panoramas as info photos, one 10 s 1080p video at a camera-like
bitrate) three ways and prints seconds and bytes against the baseline measured in the same run: the old
copy-only MediaStore, which sent every file to phones exactly as staff exported it.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from hallbuilder.builder.media import MediaStore, file_hash

PHOTOS = Path(__file__).resolve().parents[2] / "shared" / "panoramas"


def write_mp3(path: Path, seconds: float, seed: int) -> None:
    """Speech-like stereo sound (tones and noise in syllables) as a 128 kbit/s MP3."""
    rate, rng = 44100, np.random.default_rng(seed)
    times = np.arange(int(seconds * rate)) / rate
    envelope = np.clip(np.sin(2 * np.pi * 2 * times), 0, None)
    voice = 0.1 * (np.sin(2 * np.pi * 180 * times) + rng.standard_normal((2, len(times))) * 0.05) * envelope
    with av.open(str(path), "w", format="mp3") as output:
        stream = output.add_stream("libmp3lame", rate=rate, layout="stereo")
        stream.bit_rate = 128_000
        fifo = av.AudioFifo()
        frame = av.AudioFrame.from_ndarray(voice.astype(np.float32), format="fltp", layout="stereo")
        frame.sample_rate, frame.pts, frame.time_base = rate, 0, Fraction(1, rate)
        fifo.write(frame)
        for piece in fifo.read_many(1152):
            output.mux(stream.encode(piece))
        output.mux(stream.encode(None))


def write_video(path: Path, seconds: float) -> None:
    """A moving gradient at 1080p30, high bitrate, as a phone or camera would export it (no sound)."""
    with av.open(str(path), "w", format="mp4") as output:
        stream = output.add_stream("libx264", rate=30, options={"preset": "veryfast", "crf": "20"})
        stream.width, stream.height, stream.pix_fmt = 1920, 1080, "yuv420p"
        x = np.linspace(0, 4 * np.pi, 1920)[None, :]
        y = np.linspace(0, 2 * np.pi, 1080)[:, None]
        rng = np.random.default_rng(0)
        for index in range(int(seconds * 30)):
            value = (
                127 + 100 * np.sin(x + index / 10) * np.cos(y - index / 15) + rng.normal(0, 6, (1080, 1920))
            )
            pixels = np.repeat(value.clip(0, 255).astype(np.uint8)[:, :, None], 3, axis=2)
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            frame.pts = index
            output.mux(stream.encode(frame))
        output.mux(stream.encode(None))


def make_hall(root: Path) -> dict[str, list[str]]:
    """The hall folder; returns the references hall.yaml would make, by kind."""
    (root / "audio").mkdir(parents=True)
    (root / "photos").mkdir()
    (root / "video").mkdir()
    for number in range(3):
        write_mp3(root / f"audio/scene-{number}.mp3", 60.0, number)
    for photo in sorted(PHOTOS.glob("*_4096x2048.jpg")):
        shutil.copyfile(photo, root / "photos" / photo.name)
    write_video(root / "video/intro.mp4", 10.0)
    return {
        kind: sorted(f"{kind}/{path.name}" for path in (root / kind).iterdir())
        for kind in ("audio", "photos", "video")
    }


def copy_only(root: Path, dist: Path, references: dict[str, list[str]]) -> int:
    """The baseline: every file copied as it is (the first MediaStore); returns bytes a phone may download."""
    (dist / "media").mkdir(parents=True)
    total = 0
    for relative in (name for names in references.values() for name in names):
        target = dist / "media" / f"{file_hash(root / relative)}{Path(relative).suffix}"
        shutil.copyfile(root / relative, target)
        total += target.stat().st_size
    return total


def converted(root: Path, dist: Path, cache: Path, references: dict[str, list[str]]) -> int:
    """hallbuilder's MediaStore; returns bytes a phone downloads (for photos: the 960 px WebP, as a phone picks)."""
    store, total = MediaStore(root, dist, cache), 0
    for relative in references["audio"]:
        total += (dist / store.audio(relative)["audio"]).stat().st_size
    for relative in references["photos"]:
        chosen = next(item for item in store.image(relative)["srcset"] if item["width"] == 960)
        total += (dist / chosen["src"]).stat().st_size
    for relative in references["video"]:
        made = store.video(relative)
        total += (dist / made["src"]).stat().st_size + (dist / made["poster"]).stat().st_size
    return total


def timed(function, *args) -> tuple[float, int]:
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        references = make_hall(root / "hall")
        base_seconds, base_bytes = timed(copy_only, root / "hall", root / "dist0", references)
        rows = [
            ("baseline: copy files as exported", base_seconds, base_bytes),
            (
                "hallbuilder: first build (converts)",
                *timed(converted, root / "hall", root / "dist1", root / "cache", references),
            ),
            (
                "hallbuilder: unchanged rebuild (cache)",
                *timed(converted, root / "hall", root / "dist2", root / "cache", references),
            ),
        ]
    counts = ", ".join(f"{len(names)} {kind}" for kind, names in references.items())
    print(f"hall media: {counts}")
    print(f"{'run':<42}{'seconds':>9}{'× base':>9}{'phone MB':>10}{'× base':>9}")
    for name, seconds, size in rows:
        print(
            f"{name:<42}{seconds:>9.2f}{seconds / base_seconds:>9.1f}{size / 1e6:>10.2f}{size / base_bytes:>9.2f}"
        )


if __name__ == "__main__":
    main()
