"""Edit mode's save: hotspots go into hall.yaml with comments and layout kept, and only if it still loads."""

import pytest

from hallbuilder.config import load_hall
from hallbuilder.config.edit import save_hotspot
from hallbuilder.config.model import InfoHotspot
from hallbuilder.errors import ConfigError


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [
        (old, new) for old, new in zip(before.splitlines(), after.splitlines(), strict=False) if old != new
    ]


def test_moving_a_hotspot_changes_only_its_angles(project):
    before = (project / "hall.yaml").read_text("utf-8")
    done = save_hotspot(
        project,
        {
            "scene": "gallery",
            "id": "gallery-0",
            "type": "link",
            "target": "lobby",
            "yaw": 170.0,
            "pitch": -9.5,
        },
    )
    after = (project / "hall.yaml").read_text("utf-8")
    assert done == "moved hotspot gallery-0 in scene gallery"
    assert changed_lines(before, after) == [
        (
            "      - {type: link, target: lobby, yaw: 180, pitch: -10, label: {zh-CN: 返回序厅, en: Back to the entrance}}",
            "      - {type: link, target: lobby, yaw: 170.0, pitch: -9.5, label: {zh-CN: 返回序厅, en: Back to the entrance}}",
        )
    ]
    assert (project / ".hall.yaml.bak").read_text("utf-8") == before


def test_adding_a_hotspot_keeps_every_comment(project):
    before = (project / "hall.yaml").read_text("utf-8")
    done = save_hotspot(project, {"scene": "lobby", "id": None, "type": "info", "yaw": 100.0, "pitch": 2.5})
    after = (project / "hall.yaml").read_text("utf-8")
    assert done == "added an info hotspot to scene lobby"
    assert [line for line in after.splitlines() if line not in before.splitlines()] == [
        "      - {type: info, yaw: 100.0, pitch: 2.5, title: 新热点}"
    ]
    assert len(after.splitlines()) == len(before.splitlines()) + 1
    hotspots = load_hall(project).scenes[0].hotspots
    assert hotspots[-1] == InfoHotspot(
        id="lobby-2", yaw=100.0, pitch=2.5, title={"zh-CN": "新热点"}, where=hotspots[-1].where
    )
    added = after.splitlines().index("      - {type: info, yaw: 100.0, pitch: 2.5, title: 新热点}")
    assert hotspots[-1].where.line == added + 1


def test_a_save_that_breaks_hall_yaml_is_refused_and_changes_nothing(project):
    before = (project / "hall.yaml").read_text("utf-8")
    with pytest.raises(ConfigError) as caught:
        save_hotspot(
            project,
            {"scene": "lobby", "id": None, "type": "link", "target": "nowhere", "yaw": 1.0, "pitch": 0.0},
        )
    assert caught.value.lines() == ["hall.yaml:47 scenes[0].hotspots[2].target: no scene 'nowhere'"]
    assert (project / "hall.yaml").read_text("utf-8") == before
    assert not (project / ".hall-edit.yaml").exists()


def test_an_unknown_scene_is_a_message(project):
    with pytest.raises(ConfigError) as caught:
        save_hotspot(project, {"scene": "attic", "id": None, "type": "info", "yaw": 1.0, "pitch": 0.0})
    assert (
        caught.value.message == "hall.yaml: no scene 'attic' (a branch's room is edited in its showcase.yaml)"
    )
