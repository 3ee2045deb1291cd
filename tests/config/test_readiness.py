""" "Done means shipped": what a visitor would miss, each with its file, line, key and a fix in zh-CN and en."""

from __future__ import annotations

import wave
from pathlib import Path

from click.testing import CliRunner
from PIL import Image

from hallbuilder.cli import cli
from hallbuilder.commands.showcase import create_showcase
from hallbuilder.config.readiness import project_readiness


def summary(project: Path) -> list[tuple[str, str, str]]:
    return [(item.code, item.file, item.key) for item in project_readiness(project)]


def line_of(project: Path, text: str, name: str = "hall.yaml") -> int:
    lines = (project / name).read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_a_new_hall_lists_what_a_visitor_would_miss(hall: Path) -> None:
    items = project_readiness(hall)
    assert [(item.code, item.key) for item in items] == [
        ("missing-url", "hall"),
        ("missing-cover", "hall"),
        ("missing-text", "hall.title"),
        ("missing-text", "hall.subtitle"),
        ("missing-text", "hall.description"),
        ("narration-missing-language", "scenes[0].narration"),
    ]
    title = items[2]
    assert title.file == "hall.yaml"
    assert title.line == line_of(hall, "title: 我的展厅")
    assert title.path == ("hall", "title")
    assert title.text() == (
        f"hall.yaml:{title.line} hall.title: no en text: visitors in that language see none; add it (or "
        "export the table for a translator with `hallbuilder translations export`)"
    )
    assert title.message["zh-CN"].startswith("缺少 en 文本")
    assert all(item.message["zh-CN"] and item.message["en"] for item in items)
    assert items[5].as_dict()["path"] == ["scenes", 0, "narration"]


def test_unreachable_scenes_narration_without_transcript_untitled_hotspots_and_plan_gaps(
    hall: Path, edit
) -> None:
    edit(
        "\nannouncements:",
        "  - {id: store, title: {zh-CN: 库房, en: Store}, photo: photos/gallery.jpg}\n\nannouncements:",
    )
    edit("        title: {zh-CN: 关于我们, en: About us}\n", "")
    with wave.open(str(hall / "audio" / "lobby-en.wav"), "wb") as sound:
        sound.setnchannels(1), sound.setsampwidth(2), sound.setframerate(8000)
        sound.writeframes(b"\0\0" * 8000)
    edit(
        "        transcript: 欢迎来到我们的展厅。",
        "        transcript: 欢迎来到我们的展厅。\n      en: {audio: audio/lobby-en.wav}",
    )
    Image.new("RGB", (200, 100), "white").save(hall / "media" / "plan.png")
    (hall / "hall.yaml").write_text(
        (hall / "hall.yaml").read_text("utf-8")
        + "\nfloorplan:\n  image: media/plan.png\n  points:\n    lobby: {x: 10, y: 10}\n",
        "utf-8",
    )
    found = summary(hall)
    assert ("unreachable-scene", "hall.yaml", "scenes[2]") in found
    assert ("unreachable-scene", "hall.yaml", "scenes[1]") not in found
    assert ("narration-without-transcript", "hall.yaml", "scenes[0].narration.en") in found
    assert ("narration-missing-language", "hall.yaml", "scenes[0].narration") not in found
    assert ("hotspot-without-title", "hall.yaml", "scenes[0].hotspots[1]") in found
    assert ("missing-floorplan-point", "hall.yaml", "floorplan.points") in found
    unreachable = next(item for item in project_readiness(hall) if item.code == "unreachable-scene")
    assert unreachable.line == line_of(hall, "- {id: store")
    assert "'store'" in unreachable.message["en"] and "'store'" in unreachable.message["zh-CN"]


def test_a_finished_hall_is_ready(hall: Path, edit) -> None:
    edit(
        "  title: 我的展厅 ",
        "  url: https://hall.example.org/\n  cover: photos/lobby.jpg\n  title: {zh-CN: 我的展厅, en: My hall} ",
    )
    edit("subtitle: 线上展厅", "subtitle: {zh-CN: 线上展厅, en: Online hall}")
    edit(
        "description: 欢迎参观我们的线上展厅。",
        "description: {zh-CN: 欢迎参观我们的线上展厅。, en: Welcome.}",
    )
    edit(
        "        transcript: 欢迎来到我们的展厅。",
        "        transcript: 欢迎来到我们的展厅。\n      en: {transcript: Welcome.}",
    )
    assert summary(hall) == []


def test_showcase_items_name_their_own_file(hall: Path) -> None:
    create_showcase(hall, "first-branch", {"zh-CN": "第一支部", "en": "First branch"})
    name = "showcases/first-branch/showcase.yaml"
    found = [item for item in project_readiness(hall) if item.file == name]
    assert [item.key for item in found] == [
        "motto",
        "introduction",
        "achievements[0].title",
        "achievements[0].category",
        "achievements[0].text",
    ]
    assert found[0].line == line_of(hall, "motto:", name)


def test_check_ready_prints_warnings_and_exits_0(hall: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--ready", str(hall)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("hall.yaml is valid")
    assert lines[1].startswith("hall.yaml:") and "hall.url is not set" in lines[1]
    assert sum("hall.url" in line for line in lines) == 1
    assert lines[-1] == "Not ready to ship: 6 thing(s) a visitor would miss (warnings above)."
    plain = CliRunner().invoke(cli, ["check", str(hall)])
    assert "a visitor would miss" not in plain.output
