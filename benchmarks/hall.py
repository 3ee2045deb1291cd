"""A whole hall, the judge of build speed (issue 16): a fresh `hallbuilder build` of a 6-scene hall against
py360convert + Pillow making the same six pyramids in one process, measured in the same run.

`python -m benchmarks hall` makes three 8192×4096 and three 6000×3000 photos from the real photos in
../shared/panoramas/ (resized copies in a temporary folder, never in the repository), then alternates fresh
runs of the two tools, 3 each, and prints wall seconds (best and median), CPU seconds, peak memory and the
ratios. The baseline is `benchmarks.tiler.baseline` run for each photo in turn, in one process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.tiler import Command, measure, python

PANORAMAS = Path(__file__).resolve().parent.parent.parent / "shared" / "panoramas"
# (source photo, width of the copy): three 8K and three 6000×3000 scenes, each from a different photo
SCENES = (
    ("library-atrium_8192x4096.jpg", 8192),
    ("jordan-pond_5000x2500.jpg", 8192),
    ("jfk-terminal-concourse_4096x2048.jpg", 8192),
    ("akihabara-station-platform_4096x2048.jpg", 6000),
    ("cerro-toco-theta-s_4096x2048.jpg", 6000),
    ("photosphere-garden_4000x2000.jpg", 6000),
)
RUNS = 3


def make_photos(folder: Path) -> list[Path]:
    """The six photos, resized into `folder` in a child process (so its memory is nobody's peak)."""
    photos = []
    for index, (name, width) in enumerate(SCENES, start=1):
        target = folder / f"scene-{index}_{width}x{width // 2}.jpg"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.hall",
                "resize",
                str(PANORAMAS / name),
                str(target),
                str(width),
            ],
            check=True,
        )
        photos.append(target)
    return photos


def resize(source: Path, target: Path, width: int) -> None:
    """Area (down) or cubic (up) resampling to width × width/2, saved as quality-90 4:2:0 JPEG."""
    import cv2
    import simplejpeg

    pixels = simplejpeg.decode_jpeg(source.read_bytes())
    smaller = width < pixels.shape[1]
    sized = cv2.resize(
        pixels, (width, width // 2), interpolation=cv2.INTER_AREA if smaller else cv2.INTER_CUBIC
    )
    target.write_bytes(simplejpeg.encode_jpeg(sized, quality=90, colorsubsampling="420"))


def make_hall(photos: list[Path], out_dir: Path) -> Path:
    """A hall project with one scene per photo (hard-linked), each linking to the next, in out_dir/project."""
    project = out_dir / "project"
    (project / "photos").mkdir(parents=True)
    lines = ["hall: {id: bench-hall, title: Bench hall}", "scenes:"]
    for index, photo in enumerate(photos, start=1):
        try:
            os.link(photo, project / "photos" / photo.name)
        except OSError:  # another file system
            shutil.copyfile(photo, project / "photos" / photo.name)
        target = index % len(photos) + 1
        lines += [
            f"  - id: scene-{index}",
            f"    title: Scene {index}",
            f"    photo: photos/{photo.name}",
            f"    hotspots: [{{type: link, target: scene-{target}, yaw: 10, pitch: -10}}]",
        ]
    (project / "hall.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    return project


def hallbuilder_build(photos: list[Path]) -> Command:
    """A fresh `hallbuilder build` of the hall (laid out before the clock starts; its cache starts empty)."""

    def command(out: Path) -> list[str]:
        project = make_hall(photos, out)
        script = Path(sys.executable).with_name("hallbuilder")
        start = [str(script)] if script.exists() else [sys.executable, "-m", "hallbuilder.cli"]
        return [*start, "build", str(project), "-o", str(out / "dist"), "-q"]

    return command


def baseline_hall(out_dir: Path, photos: list[Path]) -> None:
    """The six pyramids the reference way, one after another in this process
    (`python -m benchmarks.hall baseline PHOTO... OUT`: the output folder comes last)."""
    from benchmarks.tiler import baseline

    for index, photo in enumerate(photos, start=1):
        baseline(photo, out_dir / f"scene-{index}")


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.1f} (other work on this machine slows the wall times)")
    with tempfile.TemporaryDirectory(prefix="hallbuilder-bench-hall-") as folder:
        scratch = Path(folder)
        photos = make_photos(scratch)
        commands = {
            "py360convert + Pillow": (python("-m", "benchmarks.hall", "baseline", *map(str, photos)), RUNS),
            "hallbuilder build": (hallbuilder_build(photos), RUNS),
        }
        found = measure(commands, scratch)
    print("6-scene hall: three 8192×4096 and three 6000×3000 photos, every scene tiled (empty cache)")
    print(
        f"{'tool':22} {'best s':>7} {'median':>7} {'cpu s':>6} {'peak MB':>8} "
        f"{'speed-up':>9} {'median':>7} {'cpu':>6}"
    )
    base = found["py360convert + Pillow"]
    for tool, result in found.items():
        print(row(tool, result, base))
    print("Fresh processes, runs of the two tools alternating. speed-up = best baseline wall / best wall;")
    print("median = median baseline wall / median wall (issue 16: about 6.5×); cpu = ratio of CPU seconds.")
    print(f"Load after: {os.getloadavg()[0]:.1f}")


def row(tool: str, result: dict[str, float] | str, base: dict[str, float] | str) -> str:
    """One printed line; ratios against `base` unless this is the baseline or either run failed."""
    if isinstance(result, str):
        return f"{tool:22} failed: {result}"
    speed = typical = cpu = ""
    if result is not base and isinstance(base, dict):
        speed = f"{base['best'] / result['best']:.1f}×"
        typical = f"{base['median'] / result['median']:.1f}×"
        cpu = f"{base['cpu'] / result['cpu']:.1f}×"
    return (
        f"{tool:22} {result['best']:7.2f} {result['median']:7.2f} {result['cpu']:6.2f} "
        f"{result['peak']:8.0f} {speed:>9} {typical:>7} {cpu:>6}"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["baseline"]:
        *photo_args, out = sys.argv[2:]
        baseline_hall(Path(out), [Path(arg) for arg in photo_args])
    elif sys.argv[1:2] == ["resize"]:
        resize(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    else:
        main()
