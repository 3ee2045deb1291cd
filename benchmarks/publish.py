"""Publish speed: a 20-scene hall to a moto S3 server, against a naive sequential boto3 upload.

`python -m benchmarks publish` prints objects/s, MB/s and the ratio against the baseline measured in the same
run, for a first publish and for an unchanged re-publish. The baseline is what a script without hallbuilder
does (`aws s3 cp --recursive`-like): one `upload_file` after another, every file, every time.

moto runs in its own process (`python -m moto.server`) so it does not share our GIL. It answers in well
under a millisecond; over a real network every request costs a round trip, so parallel uploads gain more.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import numpy as np
from PIL import Image

SCENES = 20
FACES = ("front", "right", "back", "left", "top", "bottom")
LEVELS = (1, 2)  # tiles per face side at each level: 6 × (1 + 4) = 30 tiles per scene


def noise_jpeg(rng: np.random.Generator, size: int = 512) -> bytes:
    """A tile-sized JPEG of smooth noise (~40 kB, like a real tile)."""
    small = rng.integers(0, 255, (size // 8, size // 8, 3), dtype=np.uint8)
    picture = Image.fromarray(small).resize((size, size), Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def make_hall(root: Path, scenes: int = SCENES) -> Path:
    """A dist/ with the layout of a real build: scenes/<id>/<hash>/tiles, media, viewer, tour.json, index."""
    rng = np.random.default_rng(0)
    for number in range(scenes):
        folder = root / "scenes" / f"scene-{number}" / f"{number:016x}"
        for level, side in enumerate(LEVELS):
            for face in FACES:
                for row in range(side):
                    for col in range(side):
                        path = folder / "tiles" / str(level) / face / f"{row}_{col}.jpg"
                        path.parent.mkdir(parents=True, exist_ok=True)
                        path.write_bytes(noise_jpeg(rng))
        for name in ("base.jpg", "thumb.jpg", "preview-0.jpg"):
            (folder / name).write_bytes(noise_jpeg(rng, 256))
    (root / "media").mkdir()
    (root / "media" / "0123456789abcdef.m4a").write_bytes(rng.bytes(600_000))
    (root / "viewer").mkdir()
    (root / "viewer" / "viewer-ZB5IQLN6.js").write_text("export const x = 1;\n" * 20_000)
    (root / "viewer" / "viewer-LTSXZCJS.css").write_text(".a { color: red; }\n" * 5_000)
    (root / "tour.json").write_text('{"format": 1, "scenes": []}\n' + " " * 30_000)
    (root / "index.html").write_text("<!doctype html><title>Hall</title>" + "<p>hall</p>" * 1_000)
    return root


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_moto() -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(endpoint + "/", timeout=1).close()
            return server, endpoint
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("moto server did not start")


def naive_upload(client, dist: Path, bucket: str) -> tuple[int, int, float]:
    """The baseline: every file, one after another, with boto3's upload_file."""
    started = time.perf_counter()
    files = [path for path in sorted(dist.rglob("*")) if path.is_file()]
    for path in files:
        client.upload_file(str(path), bucket, "naive/" + path.relative_to(dist).as_posix())
    return len(files), sum(path.stat().st_size for path in files), time.perf_counter() - started


def row(name: str, objects: int, size: int, seconds: float, baseline: float) -> str:
    return (
        f"| {name:<34} | {objects:>7} | {size / 1e6:>7.1f} | {seconds:>7.2f} | {objects / seconds:>9.0f} "
        f"| {size / 1e6 / seconds:>6.1f} | {baseline / seconds:>6.2f}x |"
    )


def main() -> None:
    os.environ.update(
        AWS_ACCESS_KEY_ID="benchmark",
        AWS_SECRET_ACCESS_KEY="benchmark",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_EC2_METADATA_DISABLED="true",
    )
    import boto3

    from hallbuilder.publish import publish

    server, endpoint = start_moto()
    try:
        with tempfile.TemporaryDirectory() as temporary:
            dist = make_hall(Path(temporary) / "dist")
            client = boto3.client("s3", endpoint_url=endpoint)
            client.create_bucket(Bucket="bench")
            objects, size, naive = naive_upload(client, dist, "bench")
            _, _, naive_again = naive_upload(client, dist, "bench")
            first = publish(dist, "s3://bench/hall/", endpoint_url=endpoint)
            again = publish(dist, "s3://bench/hall/", endpoint_url=endpoint)
    finally:
        server.terminate()
        server.wait()
    print(f"{SCENES}-scene hall: {objects} files, {size / 1e6:.1f} MB, moto S3 at {endpoint}")
    print(
        "| run                                | objects |      MB | seconds | objects/s |   MB/s |  ratio |"
    )
    print(
        "|------------------------------------|---------|---------|---------|-----------|--------|--------|"
    )
    print(row("baseline: sequential upload_file", objects, size, naive, naive))
    print(row("hallbuilder publish (first)", first.uploaded, first.bytes, first.seconds, naive))
    print(row("baseline: upload everything again", objects, size, naive_again, naive_again))
    print(
        f"| {'hallbuilder publish (unchanged)':<34} | {again.uploaded:>7} | {0:>7.1f} | {again.seconds:>7.2f} "
        f"| {'-':>9} | {'-':>6} | {naive_again / again.seconds:>6.2f}x |"
    )


if __name__ == "__main__":
    main()
