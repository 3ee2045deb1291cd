"""WebP tiles against JPEG tiles at equal SSIM, on the real photos (issue 12, "sharper sooner").

For each photo in ../shared/panoramas, tiles are cut as the tiler cuts them (levels 1 and 2 of the plan, the
levels a phone's first view loads) and encoded as the build encodes them: JPEG at the tiler's quality through
libjpeg-turbo (simplejpeg, 4:2:0). WebP's quality is then searched (bisection on Pillow's `quality`) for the
lowest setting whose mean SSIM over the same tiles is at least JPEG's, and the bytes and encode times of the
two are compared (libwebp's default effort, method 4). SSIM is Wang et al.'s (11-tap Gaussian, σ 1.5) on luma (BT.601). Run:
`python -m benchmarks tileformat` (TILES=n for more tiles per photo; default 12).
"""

from __future__ import annotations

import io
import os
import statistics
import time
from pathlib import Path

import cv2
import numpy as np
import simplejpeg
from PIL import Image

from hallbuilder.imaging import open_panorama, plan_levels
from hallbuilder.imaging.geometry import face_table, sample_band, source_table
from hallbuilder.imaging.plan import DEFAULT_SETTINGS, FACES

PANORAMAS = Path(__file__).resolve().parent.parent.parent / "shared" / "panoramas"


def ssim(reference: np.ndarray, test: np.ndarray) -> float:
    """Mean SSIM of two RGB images' luma."""
    a, b = (cv2.cvtColor(image, cv2.COLOR_RGB2GRAY).astype(np.float64) for image in (reference, test))
    blur = lambda image: cv2.GaussianBlur(image, (11, 11), 1.5)  # noqa: E731
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mu_a, mu_b = blur(a), blur(b)
    var_a = blur(a * a) - mu_a**2
    var_b = blur(b * b) - mu_b**2
    cov = blur(a * b) - mu_a * mu_b
    index = ((2 * mu_a * mu_b + c1) * (2 * cov + c2)) / ((mu_a**2 + mu_b**2 + c1) * (var_a + var_b + c2))
    return float(index.mean())


def sample_tiles(photo: Path, count: int) -> list[np.ndarray]:
    """Tiles of plan levels 1 and 2 (the top level halved, as the tiler makes them), spread over the faces."""
    pixels = open_panorama(photo)
    height, width = pixels.shape[:2]
    levels = plan_levels(width)
    top = levels[-1]
    tables = {name: face_table(name, top.face_size, width, height) for name in ("left", "top")}
    tiles = []
    for index in range(count):
        face = FACES[index % len(FACES)]
        band = sample_band(pixels, tables[source_table(face)], face, slice(0, top.face_size))
        if index % 2 and len(levels) > 1:  # a level below: the face halved, as the tiler halves bands
            band = cv2.resize(band, (band.shape[1] // 2, band.shape[0] // 2), interpolation=cv2.INTER_AREA)
        size = top.tile_size
        cells = band.shape[0] // size
        row, col = (index // len(FACES)) % cells, (index * 7 // len(FACES)) % cells
        tiles.append(np.ascontiguousarray(band[row * size : (row + 1) * size, col * size : (col + 1) * size]))
    return tiles


def encode_webp(pixels: np.ndarray, quality: int, method: int) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "WEBP", quality=quality, method=method)
    return buffer.getvalue()


def decode(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as image:
        return np.asarray(image.convert("RGB"))


def measure(tiles: list[np.ndarray], encode) -> tuple[float, int, float]:
    """(mean SSIM, total bytes, encode CPU seconds per tile) of one encoder over the tiles.

    CPU time, not wall time: the 2-core machine is shared, and CPU time is what a build pays per tile."""
    started = time.process_time()
    encoded = [encode(tile) for tile in tiles]
    seconds = (time.process_time() - started) / len(tiles)
    score = statistics.fmean(ssim(tile, decode(data)) for tile, data in zip(tiles, encoded, strict=True))
    return score, sum(map(len, encoded)), seconds


def equal_ssim_webp(tiles: list[np.ndarray], target: float, method: int) -> tuple[int, float, int, float]:
    """The lowest WebP quality reaching `target` (bisection over 30..100), with its SSIM, bytes and time."""
    low, high = 30, 100
    best = None
    while low <= high:
        middle = (low + high) // 2
        result = measure(tiles, lambda tile, q=middle: encode_webp(tile, q, method))
        if result[0] >= target:
            best, high = (middle, *result), middle - 1
        else:
            low = middle + 1
    return best or (100, *measure(tiles, lambda tile: encode_webp(tile, 100, method)))


def main() -> None:
    count = int(os.environ.get("TILES", "12"))
    quality = DEFAULT_SETTINGS.quality
    photos = sorted(path for path in PANORAMAS.glob("*.jpg"))
    print(f"JPEG q{quality} 4:2:0 (libjpeg-turbo) against WebP (libwebp through Pillow) at equal mean SSIM")
    print(
        f"{'photo':<40} {'JPEG SSIM':>9} {'kB':>7} {'WebP q':>6} {'SSIM':>7} {'kB':>7} {'bytes':>6} {'CPU ms/tile J/W':>15}"
    )
    ratios, slower = [], []
    for photo in photos:
        tiles = sample_tiles(photo, count)
        score, size, seconds = measure(
            tiles, lambda tile: simplejpeg.encode_jpeg(tile, quality=quality, colorsubsampling="420")
        )
        webp_quality, webp_score, webp_size, webp_seconds = equal_ssim_webp(tiles, score, method=4)
        ratios.append(webp_size / size)
        slower.append(webp_seconds / seconds)
        print(
            f"{photo.name:<40} {score:>9.4f} {size / 1e3:>7.1f} {webp_quality:>6} {webp_score:>7.4f} "
            f"{webp_size / 1e3:>7.1f} {webp_size / size:>6.2f} {seconds * 1e3:>5.1f}/{webp_seconds * 1e3:<5.1f}"
        )
    print(
        f"WebP bytes at equal SSIM: {statistics.median(ratios):.2f}× JPEG's (median over {len(photos)} photos, "
        f"range {min(ratios):.2f}–{max(ratios):.2f}); WebP's encoding costs {statistics.median(slower):.0f}× JPEG's "
        f"CPU per tile (median)"
    )


if __name__ == "__main__":
    main()
