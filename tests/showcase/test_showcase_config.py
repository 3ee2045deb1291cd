"""showcase.yaml is checked with the same precise, line-numbered messages as hall.yaml."""

from __future__ import annotations

import pytest

from hallbuilder.config import load_hall, load_project
from hallbuilder.config.showcase import iter_showcase_keys
from hallbuilder.errors import ConfigError

GOOD = """\
name: {zh-CN: 第一支部, en: First Branch}
motto: 服务为民
logo: logo.png
introduction: 介绍
achievements:
  - title: 获奖
    date: 2026-06-18
    category: 荣誉
    text: 全年零投诉。
    photos: [media/award.jpg]
    scene: lobby
"""


def problems(hall) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_project(hall)
    return caught.value.lines()


def test_a_valid_showcase_loads(hall, write_showcase):
    write_showcase("first", GOOD, ("logo.png", "media/award.jpg"))
    [showcase] = load_project(hall).showcases
    assert showcase.branch == "first"
    assert showcase.achievements[0].date.isoformat() == "2026-06-18"
    assert [photo.path for photo in showcase.achievements[0].photos] == ["showcases/first/media/award.jpg"]


def test_every_problem_is_listed_with_its_line(hall, write_showcase):
    write_showcase(
        "first",
        """\
name: {zh-CN: 第一支部, fr: Première}
logo: ../logo.png
achievements:
  - title: 获奖
    date: soon
    photos: [media/missing.jpg, /etc/passwd, media/notes.txt]
    scene: lobyb
    colour: red
  - date: 2026-01-01
    video: media/clip.avi
""",
    )
    name = "showcases/first/showcase.yaml"
    assert problems(hall) == [
        f"{name}:1 name.fr: language 'fr' is not in hall.languages [zh-CN, en]",
        f"{name}:2 logo: '../logo.png' points outside the showcase folder; copy the file into the branch's folder",
        f"{name}:5 achievements[0].date: expected a date such as 2026-11-01, got 'soon'",
        f"{name}:6 achievements[0].photos[1]: '/etc/passwd' is an absolute path; write it relative to "
        "showcase.yaml, e.g. media/award.jpg",
        f"{name}:6 achievements[0].photos[0]: file not found: media/missing.jpg",
        f"{name}:6 achievements[0].photos[2]: 'media/notes.txt' is not a supported file type; "
        "use one of: .gif, .jpeg, .jpg, .png, .webp",
        f"{name}:7 achievements[0].scene: no scene 'lobyb' (did you mean 'lobby'?)",
        f"{name}:8 achievements[0].colour: unknown key",
        f"{name}:9 achievements[1].title: required key is missing",
        f"{name}:10 achievements[1].video: 'media/clip.avi' is not a supported file type; "
        "use one of: .m4v, .mov, .mp4, .webm",
    ]


def test_the_name_is_required_and_unknown_top_level_keys_suggest_a_fix(hall, write_showcase):
    write_showcase("first", "motto: x\nachievments: []\n")
    assert problems(hall) == [
        "showcases/first/showcase.yaml:1 name: required key is missing",
        "showcases/first/showcase.yaml:2 achievments: unknown key (did you mean 'achievements'?)",
    ]


def test_yaml_syntax_errors_name_the_showcase_file(hall, write_showcase):
    write_showcase("first", "name: a: b\n")
    assert problems(hall) == [
        "showcases/first/showcase.yaml:1: YAML syntax error: mapping values are not allowed here "
        "(a text that contains ': ' must be put in quotes)"
    ]


def test_problems_of_every_showcase_are_collected(hall, write_showcase):
    write_showcase("first", "name: A\nachievements: [{title: t, date: never}]\n")
    write_showcase("second", "name: B\nlogo: logo.gif\n")
    assert problems(hall) == [
        "showcases/first/showcase.yaml:2 achievements[0].date: expected a date such as 2026-11-01, got 'never'",
        "showcases/second/showcase.yaml:2 logo: file not found: logo.gif",
    ]


def test_a_folder_name_that_is_not_an_id_is_refused(hall, write_showcase):
    write_showcase("First Branch", "name: A\n")
    assert problems(hall) == [
        "showcases/First Branch/showcase.yaml: the folder name 'First Branch' is not a valid branch id: "
        "use lower-case letters, digits and '-' only, e.g. 'history-hall'"
    ]


def test_a_symbolic_link_out_of_the_folder_is_refused(hall, write_showcase, tmp_path):
    folder = write_showcase("first", "name: A\nlogo: logo.png\n")
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the tour")
    (folder / "logo.png").symlink_to(secret)
    assert problems(hall) == [
        "showcases/first/showcase.yaml:2 logo: 'logo.png' links to a file outside the showcase folder; "
        "copy the file itself in"
    ]


def test_branch_scenes_need_unique_ids_and_no_zone(hall, write_showcase):
    scenes = """\
name: A
scenes:
  - {id: lobby, title: x, photo: room.jpg, zone: main}
  - id: room
    title: y
    photo: room.jpg
    hotspots: [{type: link, target: galery, yaw: 0, pitch: 0}, {type: showcase, branch: secnod, yaw: 9, pitch: 0}]
  - {id: room, title: z, photo: room.jpg}
"""
    write_showcase("first", scenes, ("room.jpg",))
    write_showcase("second", "name: B\nscenes: [{id: room, title: w, photo: room.jpg}]\n", ("room.jpg",))
    assert problems(hall) == [
        "showcases/first/showcase.yaml:3 scenes[0].id: 'lobby' is already a scene of hall.yaml; "
        "scene ids must be unique in the whole hall",
        "showcases/first/showcase.yaml:3 scenes[0].zone: a branch's scenes are always in the 'showcases' zone; "
        "remove this key",
        "showcases/first/showcase.yaml:7 scenes[1].hotspots[0].target: no scene 'galery' (did you mean 'gallery'?)",
        "showcases/first/showcase.yaml:7 scenes[1].hotspots[1].branch: no showcase 'showcases/secnod/showcase.yaml' "
        "(did you mean 'second'?)",
        "showcases/first/showcase.yaml:8 scenes[2].id: 'room' is used twice (also scenes[1]); ids must be unique",
        "showcases/second/showcase.yaml:2 scenes[0].id: 'room' is already a scene of "
        "showcases/first/showcase.yaml; scene ids must be unique in the whole hall",
    ]
    write_showcase("first", "name: A\nscenes: [{id: room, title: x, photo: room.jpg}]\n")
    assert problems(hall) == [
        "showcases/second/showcase.yaml:2 scenes[0].id: 'room' is already a scene of "
        "showcases/first/showcase.yaml; scene ids must be unique in the whole hall"
    ]


def test_a_showcase_hotspot_needs_the_branch_folder(hall):
    config = hall / "hall.yaml"
    text = config.read_text("utf-8")
    hotspot = "      - {type: showcase, branch: frist, yaw: 9, pitch: 0}\n"
    config.write_text(text.replace("    hotspots:   ", f"    hotspots:\n{hotspot}    #", 1), "utf-8")
    (hall / "showcases" / "first").mkdir()
    (hall / "showcases" / "first" / "showcase.yaml").write_text("name: A\n", "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_hall(hall)
    assert caught.value.lines() == [
        "hall.yaml:33 scenes[0].hotspots[0].branch: no showcase 'showcases/frist/showcase.yaml' (did you mean 'first'?)"
    ]


def test_every_showcase_key_is_documented():
    keys = dict(iter_showcase_keys())
    assert {"name", "logo", "achievements.date", "achievements.photos", "scenes.photo"} <= set(keys)
    assert all(keys.values()), [key for key, text in keys.items() if not text]
