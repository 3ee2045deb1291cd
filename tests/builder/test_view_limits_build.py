"""hall.yaml's view limits reach tour.json resolved per scene, and a hall without them ships no extra byte."""

import json

from hallbuilder.builder import build_hall


def test_limits_are_resolved_per_scene_in_tour_json(hall):
    config = hall / "hall.yaml"
    text = config.read_text("utf-8").replace(
        "\nzones:", "\n  limits: {max_fov: 90, min_pitch: -45}\nzones:", 1
    )
    config.write_text(text.replace("    north: 0", "    limits: {max_pitch: 40}\n    north: 0", 1), "utf-8")
    build_hall(hall)
    lobby, gallery = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))["scenes"]
    assert lobby["limits"] == {"minFov": 30.0, "maxFov": 90.0, "minPitch": -45.0, "maxPitch": 40.0}
    assert gallery["limits"] == {"minFov": 30.0, "maxFov": 90.0, "minPitch": -45.0, "maxPitch": 90.0}


def test_without_limits_the_scenes_carry_none(hall):
    build_hall(hall)
    scenes = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))["scenes"]
    assert [scene.get("limits") for scene in scenes] == [None, None]
