"""hall.yaml and the showcases checked as one project: every file's problems in one run, each in its own file,
and a branch's rooms are scenes of the hall that hall.yaml may link to."""

from __future__ import annotations

import json
from unittest.mock import ANY

import pytest
from click.testing import CliRunner

from hallbuilder.builder import build_hall
from hallbuilder.cli import cli
from hallbuilder.config import load_hall, load_project
from hallbuilder.config.edit import save_hotspot
from hallbuilder.config.model import LinkHotspot
from hallbuilder.errors import ConfigError

ROOM = """\
name: {zh-CN: 工程支部, en: Engineering}
scenes:
  - id: engineering-room
    title: {zh-CN: 工程室, en: Engineering room}
    photo: room.jpg
    hotspots: [{type: link, target: lobby, yaw: 0, pitch: 0}]
"""


@pytest.fixture
def edit_hall(hall):
    def replace(old: str, new: str) -> None:
        config = hall / "hall.yaml"
        text = config.read_text("utf-8")
        assert old in text
        config.write_text(text.replace(old, new, 1), "utf-8")

    return replace


@pytest.fixture
def engineering(write_showcase, make_equirect):
    """A branch with one room of its own, `engineering-room`, linking back to the hall's lobby."""
    folder = write_showcase("engineering", ROOM)
    make_equirect(1024, name="room.jpg", folder=folder)
    return folder


def problems(hall) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_project(hall)
    assert caught.value.exit_code == 2
    return caught.value.lines()


def test_check_reports_hall_and_showcase_problems_in_one_run(hall, edit_hall, write_showcase):
    edit_hall("target: gallery", "target: galery")
    write_showcase("first", "name: A\nachievements: [{title: t, date: never}]\n")
    write_showcase("second", "name: B\nlogo: logo.gif\n")
    expected = [
        "hall.yaml:34 scenes[0].hotspots[0].target: no scene 'galery' (did you mean 'gallery'?)",
        "showcases/first/showcase.yaml:2 achievements[0].date: expected a date such as 2026-11-01, got 'never'",
        "showcases/second/showcase.yaml:2 logo: file not found: logo.gif",
    ]
    assert problems(hall) == expected
    result = CliRunner().invoke(cli, ["check", str(hall)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.splitlines() == expected
    with pytest.raises(ConfigError) as caught:
        build_hall(hall)
    assert caught.value.lines() == expected
    assert not (hall / "dist").exists()


def test_a_hall_yaml_that_is_not_yaml_still_lets_the_showcases_be_checked(hall, edit_hall, write_showcase):
    edit_hall("subtitle: 线上展厅", "subtitle: 线上展厅: 欢迎")
    write_showcase("first", "name: A\nachievements: [{title: t, date: never, scene: lobby}]\n")
    hall_line, *showcase_lines = problems(hall)
    assert hall_line.startswith("hall.yaml:10: YAML syntax error: ")
    # the link to the hall's lobby is not doubted while hall.yaml cannot be read
    assert showcase_lines == [
        "showcases/first/showcase.yaml:2 achievements[0].date: expected a date such as 2026-11-01, got 'never'"
    ]


def test_hall_problems_do_not_guess_the_showcases_languages(hall, edit_hall, write_showcase):
    edit_hall("languages: [zh-CN, en]", "languages: zh-CN")
    write_showcase("first", "name: {zh-CN: 甲, en: A}\nlogo: logo.gif\n")
    assert problems(hall) == [
        "hall.yaml:12 hall.languages: expected a list (items starting with '- '), got 'zh-CN'",
        "showcases/first/showcase.yaml:2 logo: file not found: logo.gif",
    ]


def test_a_hall_scene_links_into_a_branch_room(hall, edit_hall, engineering):
    edit_hall("target: gallery", "target: engineering-room")
    edit_hall("        label: {zh-CN: 展厅, en: Gallery}  # label under the arrow (optional)\n", "")
    load_hall(hall)  # hall.yaml alone (what an edit-mode save checks) knows the room
    result = CliRunner().invoke(cli, ["check", str(hall)])
    assert result.exit_code == 0, result.output
    build_hall(hall)
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    link = tour["scenes"][0]["hotspots"][0]
    assert (link["target"], link["label"]) == (
        "engineering-room",
        {"zh-CN": "工程室", "en": "Engineering room"},
    )
    # the scene list and the guided tour walk tour.json's scenes: the room is one of them, in its zone
    room = [scene for scene in tour["scenes"] if scene["id"] == "engineering-room"]
    assert [(scene["zone"], scene["branch"]) for scene in room] == [("showcases", "engineering")]


def test_an_edit_mode_save_may_link_into_a_branch_room(hall, engineering):
    change = {"scene": "gallery", "type": "link", "target": "engineering-room", "yaw": 90.0, "pitch": -5.0}
    assert save_hotspot(hall, change) == "added a link hotspot to scene gallery"
    assert load_hall(hall).scenes[1].hotspots[-1] == LinkHotspot(
        id="gallery-1", yaw=90.0, pitch=-5.0, target="engineering-room", where=ANY
    )


def test_a_broken_link_into_a_branch_room_is_reported_where_it_is(
    hall, edit_hall, engineering, write_showcase
):
    edit_hall("target: gallery", "target: engineering-rom")
    write_showcase(
        "second",
        "name: B\nscenes:\n  - id: second-room\n    title: B\n    photo: room.jpg\n"
        "    hotspots:\n      - {type: link, target: engineering-room, yaw: 0, pitch: 0}\n"
        "      - {type: link, target: enginering-room, yaw: 90, pitch: 0}\n",
        ("room.jpg",),
    )
    assert problems(hall) == [
        "hall.yaml:34 scenes[0].hotspots[0].target: no scene 'engineering-rom' (did you mean 'engineering-room'?)",
        "showcases/second/showcase.yaml:8 scenes[0].hotspots[1].target: no scene 'enginering-room' "
        "(did you mean 'engineering-room'?)",
    ]
