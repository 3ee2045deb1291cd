"""View limits: hall-wide defaults, per-scene overrides, and line-numbered errors when they cannot hold."""

from pathlib import Path

import pytest

from hallbuilder.config import load_hall
from hallbuilder.config.limits import manifest_limits
from hallbuilder.errors import ConfigError


def problems(project: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_hall(project)
    return caught.value.lines()


def test_a_scene_overrides_the_hall_key_by_key(project, edit):
    edit("\nzones:", "\n  limits: {min_fov: 40, max_pitch: 60}\nzones:")
    edit("    north: 0", "    limits: {max_pitch: 30, min_pitch: -20}\n    north: 0")
    config = load_hall(project)
    lobby, gallery = config.scenes
    assert manifest_limits(config.limits, lobby.limits) == {
        "minFov": 40.0,
        "maxFov": 100.0,
        "minPitch": -20.0,
        "maxPitch": 30.0,
    }
    assert manifest_limits(config.limits, gallery.limits) == {
        "minFov": 40.0,
        "maxFov": 100.0,
        "minPitch": -90.0,
        "maxPitch": 60.0,
    }


def test_no_limits_add_nothing_to_the_tour(project):
    config = load_hall(project)
    assert [manifest_limits(config.limits, scene.limits) for scene in config.scenes] == [
        None,
        None,
    ]


def test_limits_out_of_range_or_unknown_name_the_line(project, edit):
    edit("    north: 0", "    limits: {max_fov: 170, max_pich: 30}\n    north: 0")
    assert problems(project) == [
        "hall.yaml:27 scenes[0].limits.max_fov: 170 is out of range; expected 10 to 120 degrees",
        "hall.yaml:27 scenes[0].limits.max_pich: unknown key (did you mean 'max_pitch'?)",
    ]


def test_a_scene_narrower_than_the_hall_allows_is_refused_on_its_own_line(project, edit):
    edit("\nzones:", "\n  limits: {min_fov: 50}\nzones:")
    edit("    north: 0", "    limits: {min_pitch: 0, max_pitch: 30}\n    north: 0")
    assert problems(project) == [
        "hall.yaml:28 scenes[0].limits.max_pitch: min_pitch 0 to max_pitch 30 leaves 30°, less than the "
        "narrowest view (min_fov 50); widen the pitch range to at least 50° or lower min_fov"
    ]


def test_hall_limits_that_contradict_are_reported_once_on_the_hall(project, edit):
    edit("\nzones:", "\n  limits: {min_fov: 90, max_fov: 60}\nzones:")
    assert problems(project) == [
        "hall.yaml:17 hall.limits.max_fov: min_fov 90 is above max_fov 60; make min_fov at most max_fov"
    ]
