"""A branch's rooms in the hall model: scenes of the hall made once by the config package, no build step adds them."""

from __future__ import annotations

from datetime import date

from hallbuilder.builder import showcases_pull
from hallbuilder.builder.showcases import with_pulled_showcases
from hallbuilder.builder.showcases_pull import PulledBranch
from hallbuilder.config import load_hall, load_project
from hallbuilder.config.model import InfoHotspot, LinkHotspot, Where

SHOWCASE = """\
name: {zh-CN: 第一支部, en: First Branch}
achievements:
  - title: 获奖
    date: 2026-06-18
    photos: [media/a.jpg]
scenes:
  - id: room
    title: {zh-CN: 活动室, en: Our room}
    photo: media/room.jpg
    narration: {zh-CN: {transcript: 欢迎来到支部活动室。}}
    hotspots:
      - {type: link, target: lobby, yaw: 180, pitch: -10}
      - {type: info, yaw: 20, pitch: 0, title: 奖状, images: [media/a.jpg]}
"""


def test_a_branch_room_is_a_scene_of_the_hall(hall, write_showcase, make_equirect):
    folder = write_showcase("first", SHOWCASE, ("media/a.jpg",))
    make_equirect(1024, name="room.jpg", folder=folder / "media")
    model = load_project(hall)
    assert [scene.id for scene in model.scenes] == ["lobby", "gallery", "room"]
    room = model.scenes[-1]
    assert room.branch == "first" and room.zone == "showcases"
    assert room.photo.path == "showcases/first/media/room.jpg"
    assert room.photo.where == Where("showcases/first/showcase.yaml", 9, ("scenes", 0, "photo"))
    link, info = room.hotspots
    assert isinstance(link, LinkHotspot) and link.target == "lobby" and link.id == "room-0"
    assert isinstance(info, InfoHotspot) and info.title == {"zh-CN": "奖状"}
    assert [image.path for image in info.images] == ["showcases/first/media/a.jpg"]
    assert info.images[0].where.problem("unreadable") == (
        "showcases/first/showcase.yaml:13 scenes[0].hotspots[1].images[0]: unreadable"
    )
    assert model.zones[-1].id == "showcases"
    assert model.zones[-1].title == {"zh-CN": "分支展厅", "en": "Branch showcases"}
    assert model.showcases[0].scenes == (room,)
    only_hall = load_hall(hall)  # hall.yaml alone: no branch rooms, no showcases zone
    assert [scene.id for scene in only_hall.scenes] == ["lobby", "gallery"]
    assert [zone.id for zone in only_hall.zones] == ["main"] and only_hall.showcases == ()


def test_pulled_achievements_make_a_new_hall_and_leave_the_loaded_one_alone(
    hall, write_showcase, monkeypatch
):
    write_showcase("first", SHOWCASE.split("scenes:")[0], ("media/a.jpg",))
    online = {"pulled": 7, "title": "网上提交", "date": date(2026, 9, 1), "photos": ["x/1.jpg"]}
    pulled = [PulledBranch("first", "第一支部", [online]), PulledBranch("echo", "回声", [])]
    monkeypatch.setattr(showcases_pull, "pull_showcases", lambda *args: pulled)
    loaded = load_project(hall)
    merged = with_pulled_showcases(loaded, "https://example.org/api")
    assert [showcase.branch for showcase in merged.showcases] == ["echo", "first"]
    echo, first = merged.showcases
    assert echo.name == {"zh-CN": "回声"} and echo.where is None and echo.achievements == ()
    assert [item.pulled for item in first.achievements] == [None, 7]
    assert first.achievements[1].title == {"zh-CN": "网上提交"}
    assert [photo.path for photo in first.achievements[1].photos] == ["x/1.jpg"]
    assert [showcase.branch for showcase in loaded.showcases] == ["first"]
    assert len(loaded.showcases[0].achievements) == 1  # the value load_project made is as it was
