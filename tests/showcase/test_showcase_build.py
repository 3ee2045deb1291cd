"""Showcases in the build: tour.json entries, a branch's own scenes tiled into the showcases zone."""

from __future__ import annotations

import json

import jsonschema
import pytest

from hallbuilder.builder import build_hall
from hallbuilder.builder.manifest import tour_schema
from hallbuilder.errors import ConfigError

SHOWCASE = """\
name: {zh-CN: 第一支部, en: First Branch}
motto: 服务为民
logo: logo.png
introduction: {zh-CN: 介绍, en: About us}
achievements:
  - title: 旧的
    date: 2025-03-01
    photos: [media/a.jpg, media/b.png]
    video: media/clip.mp4
  - title: 新的
    date: 2026-06-18
    category: {zh-CN: 荣誉, en: Award}
    text: 全年零投诉。
    scene: room
scenes:
  - id: room
    title: {zh-CN: 活动室, en: Our room}
    photo: media/room.jpg
    narration: {zh-CN: {transcript: 欢迎来到支部活动室。}}
    hotspots:
      - {type: link, target: lobby, yaw: 180, pitch: -10}
      - {type: info, yaw: 20, pitch: 0, title: 奖状, images: [media/a.jpg]}
"""


@pytest.fixture
def built(hall, write_showcase, make_equirect, write_clip):
    folder = write_showcase("first", SHOWCASE, ("logo.png", "media/a.jpg", "media/b.png"))
    make_equirect(1024, name="room.jpg", folder=folder / "media")
    write_clip(folder / "media" / "clip.mp4")
    write_showcase("second", "name: 第二支部\n")
    summary = build_hall(hall)
    return summary, json.loads((hall / "dist" / "tour.json").read_text("utf-8"))


def test_showcases_become_tour_entries_newest_achievement_first(built, hall):
    _, tour = built
    jsonschema.Draft202012Validator(tour_schema()).validate(tour)
    first, second = tour["showcases"]
    assert second == {
        "id": "second",
        "name": {"zh-CN": "第二支部"},
        "logo": None,
        "achievements": [],
        "scenes": [],
    }
    assert first["name"] == {"zh-CN": "第一支部", "en": "First Branch"}
    assert first["motto"] == {"zh-CN": "服务为民"}
    assert first["introduction"] == {"zh-CN": "介绍", "en": "About us"}
    assert first["scenes"] == ["room"]
    assert [item["id"] for item in first["achievements"]] == ["first-1", "first-0"]
    new, old = first["achievements"]
    assert new == {
        "id": "first-1",
        "title": {"zh-CN": "新的"},
        "date": "2026-06-18",
        "category": {"zh-CN": "荣誉", "en": "Award"},
        "text": {"zh-CN": "全年零投诉。"},
        "photos": [],
        "video": None,
        "scene": "room",
    }
    assert len(old["photos"]) == 2 and old["scene"] is None
    assert old["video"]["src"].endswith(".mp4") and (hall / "dist" / old["video"]["src"]).is_file()
    assert (hall / "dist" / old["video"]["poster"]).is_file()
    for image in [first["logo"], *old["photos"]]:
        assert (hall / "dist" / image["src"]).is_file()
        assert image["srcset"]


def test_a_branch_scene_is_tiled_into_the_showcases_zone(built, hall):
    summary, tour = built
    assert summary.scenes == 3
    assert tour["zones"][-1] == {"id": "showcases", "title": {"zh-CN": "分支展厅", "en": "Branch showcases"}}
    room = tour["scenes"][-1]
    assert (room["id"], room["zone"], room["branch"]) == ("room", "showcases", "first")
    assert all("branch" not in scene for scene in tour["scenes"][:-1])
    assert room["hotspots"][0]["label"] == {"zh-CN": "序厅", "en": "Entrance"}
    assert (hall / "dist" / room["panorama"]["base"]).is_file()
    assert (hall / "dist" / room["hotspots"][1]["images"][0]["src"]).is_file()
    assert room["narration"]["zh-CN"]["transcript"] == "欢迎来到支部活动室。"


def test_a_hall_without_showcases_has_none_and_no_showcases_zone(hall):
    build_hall(hall)
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    assert tour["showcases"] == []
    assert "showcases" not in [zone["id"] for zone in tour["zones"]]


def test_a_showcase_problem_stops_the_build_before_anything_is_written(hall, write_showcase):
    write_showcase("first", "name: A\nlogo: logo.png\n")
    with pytest.raises(ConfigError) as caught:
        build_hall(hall)
    assert caught.value.lines() == ["showcases/first/showcase.yaml:2 logo: file not found: logo.png"]
    assert not (hall / "dist").exists()
    assert not (hall / ".hallbuilder-cache").exists()
