"""The sample hall, built end to end from the real panoramas (the way MkDocs builds its sample projects)."""

import json
import runpy
import shutil
from pathlib import Path

import jsonschema

from hallbuilder.builder import build_hall
from hallbuilder.builder.manifest import tour_schema

DEMO = Path(__file__).resolve().parents[2] / "tours" / "demo-hall"


def test_demo_hall_builds_from_the_real_photos(tmp_path, panoramas):
    project = Path(
        shutil.copytree(
            DEMO,
            tmp_path / "demo",
            ignore=shutil.ignore_patterns("dist", ".hallbuilder-cache", "photos", "audio"),
        )
    )
    prepared = runpy.run_path(str(DEMO / "prepare.py"))["prepare"](project, panoramas)
    assert prepared["photos/lobby.jpg"] == "linked"
    summary = build_hall(project)
    tour = json.loads((project / "dist" / "tour.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(tour_schema()).validate(tour)
    assert summary.scenes == 4
    assert {scene["zone"] for scene in tour["scenes"]} == {"learning", "transport"}
    links = {
        (scene["id"], hotspot["target"])
        for scene in tour["scenes"]
        for hotspot in scene["hotspots"]
        if hotspot["type"] == "link"
    }
    assert len(links) == 8 and all((target, source) in links for source, target in links)  # links both ways
    lobby = tour["scenes"][0]
    assert lobby["panorama"]["width"] == 8192
    top = lobby["panorama"]["levels"][-1]["faceSize"]
    assert abs(top - 8192 / 3.14159) / (8192 / 3.14159) < 0.10
    assert set(lobby["narration"]) == {"zh-CN", "en", "yue"}
    assert tour["floorplan"]["points"]["lobby"] == {"x": 135.0, "y": 200.0}
    plan = project / "dist" / tour["floorplan"]["image"]
    assert plan.suffix == ".webp" and plan.stat().st_size < 3000  # a line drawing: 9.7 kB as JPEG


def test_demo_hall_without_shared_photos_renders_rooms(tmp_path):
    project = Path(
        shutil.copytree(
            DEMO,
            tmp_path / "demo",
            ignore=shutil.ignore_patterns("dist", ".hallbuilder-cache", "photos", "audio"),
        )
    )
    prepared = runpy.run_path(str(DEMO / "prepare.py"))["prepare"](project, None, 1024)
    assert prepared["photos/garden.jpg"] == "rendered"
    assert build_hall(project).scenes == 4
