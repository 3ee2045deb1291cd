"""Exact config error messages: each names the line, the key path, what was expected and what was found."""

from pathlib import Path

import pytest

from hallbuilder.config import load_hall
from hallbuilder.errors import ConfigError


def problems(project: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_hall(project)
    assert caught.value.exit_code == 2
    return caught.value.lines()


def test_the_scaffold_is_valid(project):
    hall = load_hall(project)
    assert [scene.id for scene in hall.scenes] == ["lobby", "gallery"]
    assert hall.default_language == "zh-CN"
    assert hall.title == {"zh-CN": "我的展厅"}


def test_unknown_link_target_suggests_the_closest_scene(project, edit):
    edit("target: gallery", "target: galery")
    assert problems(project) == [
        "hall.yaml:34 scenes[0].hotspots[0].target: no scene 'galery' (did you mean 'gallery'?)"
    ]


def test_every_problem_is_collected_in_file_order(project, edit):
    edit("north: 0", "north: abc")
    edit("pitch: 5\n", "pitch: 95\n")
    edit("zone: main\n    photo: photos/gallery.jpg", "zone: mian\n    photo: photos/galery.jpg")
    edit("title: {zh-CN: 关于我们, en: About us}", "titel: {zh-CN: 关于我们, en: About us}")
    assert problems(project) == [
        "hall.yaml:27 scenes[0].north: expected a number, got 'abc'",
        "hall.yaml:40 scenes[0].hotspots[1].pitch: 95 is out of range; expected -90 to 90 degrees",
        "hall.yaml:41 scenes[0].hotspots[1].titel: unknown key (did you mean 'title'?)",
        "hall.yaml:49 scenes[1].zone: no zone 'mian' (did you mean 'main'?)",
        "hall.yaml:50 scenes[1].photo: file not found: photos/galery.jpg (did you mean 'photos/gallery.jpg'?)",
    ]


def test_duplicate_scene_id(project, edit):
    edit("  - id: gallery", "  - id: lobby")
    lines = problems(project)
    assert "hall.yaml:47 scenes[1].id: 'lobby' is used twice (also scenes[0]); ids must be unique" in lines


def test_paths_may_not_leave_the_project(project, edit):
    edit("photo: photos/lobby.jpg", "photo: ../secret/lobby.jpg")
    edit("photo: photos/gallery.jpg", "photo: /etc/passwd.jpg")
    assert problems(project) == [
        "hall.yaml:25 scenes[0].photo: '../secret/lobby.jpg' points outside the project; copy the file into the project folder",
        "hall.yaml:50 scenes[1].photo: '/etc/passwd.jpg' is an absolute path; write it relative to hall.yaml, e.g. photos/lobby.jpg",
    ]


def test_unsupported_photo_type(project, edit):
    (project / "photos" / "lobby.gif").write_bytes(b"GIF89a")
    edit("photo: photos/lobby.jpg", "photo: photos/lobby.gif")
    assert problems(project) == [
        "hall.yaml:25 scenes[0].photo: 'photos/lobby.gif' is not a supported file type; "
        "use one of: .jpeg, .jpg, .png, .tif, .tiff, .webp"
    ]


def test_languages_must_be_consistent(project, edit):
    edit("title: {zh-CN: 序厅, en: Entrance}", "title: {en: Entrance, fr: Entrée}")
    edit("      zh-CN:\n        transcript:", "      yue:\n        transcript:")
    assert problems(project) == [
        "hall.yaml:23 scenes[0].title.fr: language 'fr' is not in hall.languages [zh-CN, en]",
        "hall.yaml:23 scenes[0].title: no zh-CN text (the default language); add `zh-CN: ...`",
        "hall.yaml:29 scenes[0].narration.yue: language 'yue' is not in hall.languages [zh-CN, en]",
    ]


def test_missing_required_keys_and_wrong_types(project, edit):
    edit("  id: my-hall ", "  # id: my-hall ")
    edit("languages: [zh-CN, en]", "languages: zh-CN")
    edit("date: 2026-11-01", "date: yesterday")
    assert problems(project) == [
        "hall.yaml:7 hall.id: required key is missing",
        "hall.yaml:12 hall.languages: expected a list (items starting with '- '), got 'zh-CN'",
        "hall.yaml:61 announcements[0].date: expected a date such as 2026-11-01, got 'yesterday'",
    ]


def test_hotspot_type_rules(project, edit):
    edit("        target: gallery           # the scene to walk to\n", "")
    edit("- {type: link, target: lobby, yaw: 180", "- {type: door, target: lobby, yaw: 180")
    assert problems(project) == [
        "hall.yaml:33 scenes[0].hotspots[0].target: required for a link hotspot",
        "hall.yaml:51 scenes[1].hotspots[0].type: unknown hotspot type 'door'; expected one of: link, info, showcase",
    ]


def test_link_to_own_scene_and_bad_id(project, edit):
    edit("target: gallery", "target: lobby")
    edit("  - id: gallery", "  - id: Gallery Room")
    lines = problems(project)
    assert (
        "hall.yaml:34 scenes[0].hotspots[0].target: links to its own scene 'lobby'; point it at another scene"
        in lines
    )
    assert (
        "hall.yaml:47 scenes[1].id: 'Gallery Room' is not a valid id: use lower-case letters, digits and '-' only, "
        "e.g. 'history-hall'" in lines
    )


def test_showcase_hotspot_needs_its_folder(project, edit):
    edit("# - {type: showcase, branch: first-branch", "- {type: showcase, branch: first-branch")
    assert problems(project) == [
        "hall.yaml:45 scenes[0].hotspots[2].branch: no showcase 'showcases/first-branch/showcase.yaml'; "
        "create it with `hallbuilder showcase new first-branch`"
    ]


def test_yaml_syntax_error_names_the_line_and_the_fix(project, edit):
    edit("subtitle: 线上展厅", "subtitle: 线上展厅: 欢迎")
    assert problems(project) == [
        "hall.yaml:10: YAML syntax error: mapping values are not allowed here "
        "(a text that contains ': ' must be put in quotes)"
    ]


def test_comma_inside_flow_text_is_explained(project, edit):
    edit("label: {zh-CN: 展厅, en: Gallery}", "label: {zh-CN: 展厅, en: Gallery, with paintings}")
    assert problems(project) == [
        "hall.yaml:37 scenes[0].hotspots[0].label: 'with paintings' is not a language: "
        "inside { } a comma ends a text; put a text that has commas in quotes"
    ]


def test_missing_project(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_hall(tmp_path / "nowhere")
    assert caught.value.lines() == [
        f"{tmp_path}/nowhere: no hall.yaml here; run `hallbuilder new {tmp_path}/nowhere` to start a hall project"
    ]


def test_an_impossible_date_is_a_message_not_a_crash(project, edit):
    edit("date: 2026-11-01", "date: 2026-13-01")
    assert problems(project) == [
        "hall.yaml:61 announcements[0].date: '2026-13-01' is not a date: there is no month 13 (months are 01 to 12)"
    ]
