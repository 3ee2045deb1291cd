"""The tiler benchmark's baseline really makes the same pyramid, and the runner names unknown benchmarks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hallbuilder.imaging import tile_panorama, validate_tiles
from hallbuilder.imaging.plan import plan_levels

ROOT = Path(__file__).resolve().parents[2]


def run_module(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_baseline_writes_the_same_files_as_hallbuilder(panoramas, tmp_path):
    photo = panoramas / "taj-mahal_2048x1024.jpg"
    assert run_module("benchmarks.tiler", "baseline", str(photo), str(tmp_path / "baseline")).returncode == 0
    tile_panorama(photo, tmp_path / "ours")
    names = {path.relative_to(tmp_path / "ours") for path in (tmp_path / "ours").rglob("*.jpg")}
    assert names == {
        path.relative_to(tmp_path / "baseline") for path in (tmp_path / "baseline").rglob("*.jpg")
    }
    assert validate_tiles(tmp_path / "baseline", plan_levels(2048)) == ([], [])


def test_runner_names_the_benchmarks_it_has():
    done = run_module("benchmarks", "nope")
    assert done.returncode == 2
    assert done.stderr.startswith("no benchmark named nope; choose from: ")
    assert "tiler" in done.stderr.split(": ", 1)[1].strip().split(", ")


def test_the_hall_benchmark_lays_out_a_hall_that_checks_and_its_baseline_tiles_every_scene(
    panoramas, tmp_path
):
    photos = [str(panoramas / "taj-mahal_2048x1024.jpg"), str(panoramas / "photosphere-garden_4000x2000.jpg")]
    lay_out = f"from pathlib import Path; from benchmarks.hall import make_hall; make_hall([Path(p) for p in {photos!r}], Path({str(tmp_path)!r}))"
    assert run_module("benchmarks.hall", "baseline", *photos, str(tmp_path / "baseline")).returncode == 0
    assert subprocess.run([sys.executable, "-c", lay_out], cwd=ROOT).returncode == 0
    checked = subprocess.run(
        [sys.executable, "-m", "hallbuilder.cli", "check", str(tmp_path / "project")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for scene, width in (("scene-1", 2048), ("scene-2", 4000)):
        assert validate_tiles(tmp_path / "baseline" / scene, plan_levels(width)) == ([], [])
