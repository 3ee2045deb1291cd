"""Tiler speed and memory: hallbuilder against py360convert + Pillow, 8K and 16K, fresh processes.

`python -m benchmarks tiler` prints, per photo size and tool: wall seconds (best and median), CPU
seconds, peak resident memory of the child process, and the speed ratio against the baseline measured in
the same run. Runs of the two tools alternate, so that other work on the machine hits both alike.
The 16K photo is the 8K library atrium upscaled into a temporary folder. Every run is a fresh process
(`python -m hallbuilder.imaging tile`), because that is what `hallbuilder build` pays.

The baseline (`python -m benchmarks.tiler baseline PHOTO OUT`) writes the same pyramid the way one
would without hallbuilder: Pillow decodes, py360convert.e2c makes the six top-level faces, Pillow
halves them and saves every tile, base.jpg and thumb.jpg at the same quality.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHOTO_8K = ROOT.parent / "shared" / "panoramas" / "library-atrium_8192x4096.jpg"
RUNS = {"8K": (7, 3), "16K": (3, 2)}  # (hallbuilder runs, baseline runs)
TARGETS = {"8K": 800, "16K": 1200}  # peak MB the issue allows


def run_child(args: list[str]) -> tuple[float, float, float]:
    """Run a fresh Python child; return (wall seconds, CPU seconds, peak RSS in MB) of that child alone."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"benchmark child failed ({child.returncode}): {' '.join(args)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(commands: dict[str, tuple[list[str], int]], scratch: Path) -> dict[str, dict[str, float]]:
    """Run each command its number of times, interleaved so that both see the same machine load.

    Returns per command: best and median wall seconds, median CPU seconds, largest peak memory (MB).
    """
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for index in range(max(runs for _, runs in commands.values())):
        for name, (args, runs) in commands.items():
            if index < runs:
                out = scratch / f"out-{time.monotonic_ns()}"
                results[name].append(run_child([*args, str(out)]))
    return {
        name: {
            "best": min(r[0] for r in runs),
            "median": statistics.median(r[0] for r in runs),
            "cpu": statistics.median(r[1] for r in runs),
            "peak": max(r[2] for r in runs),
        }
        for name, runs in results.items()
    }


def make_16k(scratch: Path) -> Path:
    """The 8K atrium upscaled to 16384×8192, made in a child: a big parent would inflate children's peaks
    (Linux carries the parent's peak RSS across fork + exec into the child's ru_maxrss)."""
    target = scratch / "library-atrium-upscaled_16384x8192.jpg"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.tiler", "upscale", str(PHOTO_8K), str(target)], check=True
    )
    return target


def upscale(source: Path, target: Path) -> None:
    """Bicubic ×2, saved as quality-90 4:2:0 JPEG."""
    import cv2
    import simplejpeg

    pixels = simplejpeg.decode_jpeg(source.read_bytes())
    big = cv2.resize(pixels, (pixels.shape[1] * 2, pixels.shape[0] * 2), interpolation=cv2.INTER_CUBIC)
    target.write_bytes(simplejpeg.encode_jpeg(big, quality=90, colorsubsampling="420"))


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.1f} (other work on this machine slows the wall times)")
    with tempfile.TemporaryDirectory(prefix="hallbuilder-bench-") as folder:
        scratch = Path(folder)
        photos = {"8K": PHOTO_8K, "16K": make_16k(scratch)}
        rows = []
        for size, photo in photos.items():
            ours_runs, base_runs = RUNS[size]
            found = measure(
                {
                    "baseline": (["-m", "benchmarks.tiler", "baseline", str(photo)], base_runs),
                    "ours": (["-m", "hallbuilder.imaging", "tile", str(photo)], ours_runs),
                },
                scratch,
            )
            base, ours = found["baseline"], found["ours"]
            verdict = "ok" if ours["peak"] < TARGETS[size] else "OVER"
            rows.append((size, "py360convert + Pillow", base, "", ""))
            rows.append(
                (
                    size,
                    "hallbuilder",
                    ours,
                    f"{base['best'] / ours['best']:.1f}×",
                    f"{base['cpu'] / ours['cpu']:.1f}×",
                )
            )
            rows[-1] += (f"{verdict} (< {TARGETS[size]} MB)",)
            rows[-2] += ("",)
    print(
        f"{'photo':6} {'tool':22} {'best s':>7} {'median':>7} {'cpu s':>6} {'peak MB':>8} {'speed-up':>9} {'cpu':>6}  memory"
    )
    for size, tool, r, speed, cpu, verdict in rows:
        print(
            f"{size:6} {tool:22} {r['best']:7.2f} {r['median']:7.2f} {r['cpu']:6.2f} {r['peak']:8.0f} "
            f"{speed:>9} {cpu:>6}  {verdict}"
        )
    print("fresh processes; speed-up = best baseline wall / best hallbuilder wall (target >= 6x at 8K);")
    print(f"cpu = ratio of CPU seconds. load average after: {os.getloadavg()[0]:.1f}")


def baseline(photo: Path, out_dir: Path) -> None:
    """The reference way: Pillow + py360convert (OpenCV backend), same levels, tiles and quality."""
    import numpy as np
    import py360convert
    from PIL import Image

    from hallbuilder.imaging.plan import DEFAULT_SETTINGS as settings
    from hallbuilder.imaging.plan import plan_levels

    Image.MAX_IMAGE_PIXELS = 200_000_000
    with Image.open(photo) as image:
        pixels = np.asarray(image.convert("RGB"))
    levels = plan_levels(pixels.shape[1], settings)
    tile = levels[-1].tile_size
    faces = py360convert.e2c(pixels, face_w=levels[-1].face_size, mode="bilinear", cube_format="dict")
    names = {"F": "front", "R": "right", "B": "back", "L": "left", "U": "top", "D": "bottom"}
    smallest = {}
    for key, face in faces.items():
        image = Image.fromarray(face)
        for level in range(len(levels) - 1, -1, -1):
            folder = out_dir / "tiles" / str(level) / names[key]
            folder.mkdir(parents=True, exist_ok=True)
            for row in range(levels[level].nb_tiles):
                for col in range(levels[level].nb_tiles):
                    box = (col * tile, row * tile, (col + 1) * tile, (row + 1) * tile)
                    image.crop(box).save(folder / f"{row}_{col}.jpg", quality=settings.quality)
            if level:
                image = image.reduce(2)
        smallest[names[key]] = image.resize((settings.base_face_size,) * 2, Image.Resampling.BOX)
    net = Image.new("RGB", (4 * settings.base_face_size, 3 * settings.base_face_size))
    cells = {
        "left": (0, 1),
        "front": (1, 1),
        "right": (2, 1),
        "back": (3, 1),
        "top": (1, 0),
        "bottom": (1, 2),
    }
    for name, (col, row) in cells.items():
        net.paste(smallest[name], (col * settings.base_face_size, row * settings.base_face_size))
    net.save(out_dir / "base.jpg", quality=settings.base_quality)
    thumb = Image.fromarray(pixels).resize(
        (settings.thumb_width, settings.thumb_width // 2), Image.Resampling.BOX
    )
    thumb.save(out_dir / "thumb.jpg", quality=settings.quality)


if __name__ == "__main__":
    if sys.argv[1:2] == ["baseline"]:
        baseline(Path(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1:2] == ["upscale"]:
        upscale(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()
