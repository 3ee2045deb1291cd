"""The hall model: one typed, immutable value made from a real hall.yaml, each item keeping its file and line."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest

from hallbuilder.config import Hall, load_hall, load_project
from hallbuilder.config.model import InfoHotspot, LinkHotspot, ShowcaseHotspot, View, Where

DEMO = Path(__file__).resolve().parents[2] / "tours" / "demo-hall"
PHOTOS = ("lobby", "concourse", "platform", "garden")
AUDIO = ("lobby-zh", "lobby-en", "lobby-yue", "platform-zh", "platform-en")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The sample hall with stand-ins for the photos and narration prepare.py makes (loading only needs them
    to exist; the build reads them)."""
    project = Path(shutil.copytree(DEMO, tmp_path / "demo", ignore=shutil.ignore_patterns("dist", ".*")))
    for name in PHOTOS:
        (project / "photos").mkdir(exist_ok=True)
        (project / "photos" / f"{name}.jpg").write_bytes(b"")
    for name in AUDIO:
        (project / "audio").mkdir(exist_ok=True)
        (project / "audio" / f"{name}.wav").write_bytes(b"")
    return project


def line_of(project: Path, text: str, file: str = "hall.yaml") -> int:
    """The 1-based line of the first line of `file` that holds `text`."""
    lines = (project / file).read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_the_demo_hall_is_one_typed_value(demo):
    hall = load_project(demo)
    assert isinstance(hall, Hall)
    assert hall.id == "red-heart-hall"
    assert hall.title == {"zh-CN": "交通红心馆", "en": "Red Heart Transport Hall"}
    assert hall.languages == ("zh-CN", "en", "yue") and hall.default_language == "zh-CN"
    assert hall.start == "lobby" and hall.url is None and hall.service_url is None
    assert hall.cover is not None and hall.cover.path == "media/exhibit.jpg" and hall.cover.kind == "image"
    assert [zone.id for zone in hall.zones] == ["learning", "transport"]
    assert [scene.id for scene in hall.scenes] == list(PHOTOS)
    lobby = hall.scene("lobby")
    assert lobby.photo.path == "photos/lobby.jpg"
    assert lobby.view == View(yaw=0.0, pitch=5.0, fov=75.0)
    assert list(lobby.narration) == ["zh-CN", "en", "yue"]
    assert (
        lobby.narration["en"].audio is not None and lobby.narration["en"].audio.path == "audio/lobby-en.wav"
    )
    assert [type(hotspot) for hotspot in lobby.hotspots] == [LinkHotspot, LinkHotspot, InfoHotspot]
    first, second, info = lobby.hotspots
    assert isinstance(first, LinkHotspot) and first.target == "concourse" and first.id == "lobby-0"
    assert isinstance(second, LinkHotspot) and second.label is None  # the build labels it with its target
    assert isinstance(info, InfoHotspot) and info.id == "founding-exhibit"
    assert [image.path for image in info.images] == ["media/exhibit.jpg"] and info.video is None
    boards = [hotspot for hotspot in hall.scene("concourse").hotspots if isinstance(hotspot, ShowcaseHotspot)]
    assert [board.branch for board in boards] == ["first-branch", "youth-volunteers"]
    assert hall.scene("platform").view == View(0.0, 0.0, 75.0)  # the schema's default view
    assert hall.floorplan is not None and hall.floorplan.points["lobby"].x == 135.0
    assert hall.build.tile_size == 512 and hall.build.quality == 82
    first_branch, volunteers = hall.showcases
    assert first_branch.branch == "first-branch" and first_branch.scenes == ()
    assert first_branch.logo is not None and first_branch.logo.path == "showcases/first-branch/logo.png"
    award = first_branch.achievements[0]
    assert award.date == date(2026, 6, 18) and award.scene == "concourse" and award.pulled is None
    assert [photo.path for photo in award.photos] == ["showcases/first-branch/media/award.jpg"]
    assert volunteers.name["yue"] == "青年義工支部"


def test_every_item_keeps_its_file_and_line(demo):
    hall = load_project(demo)
    assert hall.where == Where("hall.yaml", line_of(demo, "hall:"), ("hall",))
    lobby, concourse = hall.scenes[:2]
    assert lobby.where == Where("hall.yaml", line_of(demo, "- id: lobby"), ("scenes", 0))
    assert concourse.photo.where.line == line_of(demo, "photo: photos/concourse.jpg")
    assert concourse.photo.where.problem("too small") == (
        f"hall.yaml:{line_of(demo, 'photo: photos/concourse.jpg')} scenes[1].photo: too small"
    )
    assert lobby.hotspots[2].where.line == line_of(demo, "- type: info")
    assert lobby.narration["yue"].audio is not None
    assert lobby.narration["yue"].audio.where.line == line_of(demo, "audio/lobby-yue.wav")
    assert hall.zones[1].where.line == line_of(demo, "{id: transport")
    award = hall.showcases[0].achievements[0]
    showcase_file = "showcases/first-branch/showcase.yaml"
    assert award.photos[0].where == Where(
        showcase_file,
        line_of(demo, "photos: [media/award.jpg]", showcase_file),
        ("achievements", 0, "photos", 0),
    )


def test_the_model_cannot_be_changed(demo):
    hall = load_project(demo)
    with pytest.raises(dataclasses.FrozenInstanceError):
        hall.start = "garden"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        hall.scenes[0].hotspots[0].yaw = 90.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        hall.title["en"] = "Another hall"  # type: ignore[index]
    with pytest.raises(TypeError):
        hall.scenes[0].narration["fr"] = hall.scenes[0].narration["en"]  # type: ignore[index]
    assert isinstance(hall.scenes, tuple) and isinstance(hall.scenes[0].hotspots, tuple)
    assert isinstance(hall.showcases[0].achievements, tuple)
    assert load_project(demo) == hall  # made from the files alone: the same files, the same value


def test_a_plain_text_is_a_text_in_the_default_language(hall):
    model = load_hall(hall)
    assert model.title == {"zh-CN": "我的展厅"}
    assert model.subtitle == {"zh-CN": "线上展厅"}
    assert model.announcements[0].date == date(2026, 11, 1)
    assert model.scenes[0].narration["zh-CN"].transcript == "欢迎来到我们的展厅。"
    assert model.scenes[0].narration["zh-CN"].audio is None
