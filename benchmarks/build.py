"""Incremental builds: a 30-scene hall after editing one hotspot, against a cold build measured in the same run.

Target (issue 2): after editing a hotspot, a 30-scene hall rebuilds in seconds (the tiles are never made again).
Run: `python -m benchmarks build`.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

SCENES = 30
WIDTH = 4096


def make_hall(root: Path) -> Path:
    from hallbuilder.samples import write_room

    project = root / "hall"
    (project / "photos").mkdir(parents=True)
    first = write_room(project / "photos" / "room-0.jpg", WIDTH, 0)
    lines = ["hall: {id: bench-hall, title: Bench hall}", "scenes:"]
    for index in range(SCENES):
        photo = project / "photos" / f"room-{index}.jpg"
        if index:
            # distinct bytes per scene (so each is tiled), same look: re-save with another quality
            from PIL import Image

            with Image.open(first) as picture:
                picture.save(photo, quality=80 + index % 15, comment=f"room {index}".encode())
        target = f"room-{(index + 1) % SCENES}"
        lines += [
            f"  - id: room-{index}",
            f"    title: Room {index}",
            f"    photo: photos/room-{index}.jpg",
            f"    hotspots: [{{type: link, target: {target}, yaw: 10, pitch: -10}}]",
        ]
    (project / "hall.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    return project


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> None:
    from hallbuilder.builder import build_hall

    with tempfile.TemporaryDirectory() as folder:
        project = make_hall(Path(folder))
        cold = timed(lambda: build_hall(project))
        unchanged = timed(lambda: build_hall(project))
        config = project / "hall.yaml"
        config.write_text(config.read_text("utf-8").replace("yaw: 10,", "yaw: 25,", 1), "utf-8")
        edited = timed(lambda: build_hall(project))
        shutil.rmtree(project / "dist")
        relink = timed(lambda: build_hall(project))
    print(f"{SCENES}-scene hall, {WIDTH}×{WIDTH // 2} photos")
    print(f"{'build':<34}{'seconds':>9}{'vs cold':>10}")
    for name, seconds in [
        ("cold (baseline: every scene tiled)", cold),
        ("unchanged rebuild", unchanged),
        ("one hotspot edited", edited),
        ("dist deleted, cache kept", relink),
    ]:
        print(f"{name:<34}{seconds:>9.2f}{seconds / cold:>10.3f}")


if __name__ == "__main__":
    main()
