"""A scene whose photo is six cube faces builds, is cached on all six files, and its face problems are named."""

import json
from pathlib import Path

import jsonschema
import numpy as np
import py360convert
import pytest
from PIL import Image

from hallbuilder.builder import build_hall, check_photos
from hallbuilder.builder.manifest import tour_schema
from hallbuilder.config import load_hall
from hallbuilder.errors import ConfigError, PhotoError
from hallbuilder.imaging import FACES, Level, validate_tiles

NAMES = ("front", "right", "back", "left", "up", "down")


def cube_faces_of(photo: Path, folder: Path, size: int = 656, names=NAMES) -> None:
    """The six faces of an equirect, at pixel centres (the odd points of py360convert's 2N+1 grid)."""
    with Image.open(photo) as image:
        equirect = np.asarray(image.convert("RGB"))
    faces = py360convert.e2c(equirect, face_w=2 * size + 1, mode="bilinear", cube_format="dict")
    folder.mkdir(parents=True, exist_ok=True)
    for name, key in zip(names, "FRBLUD", strict=True):
        Image.fromarray(faces[key][1::2, 1::2]).save(folder / f"{name}.jpg", quality=92)


@pytest.fixture
def cube_hall(hall: Path) -> Path:
    """The scaffold with the lobby given as a folder of cube faces made from its photo."""
    cube_faces_of(hall / "photos" / "lobby.jpg", hall / "photos" / "lobby")
    config = hall / "hall.yaml"
    config.write_text(
        config.read_text("utf-8").replace("photo: photos/lobby.jpg", "photo: photos/lobby"), "utf-8"
    )
    (hall / "photos" / "lobby.jpg").unlink()
    return hall


def scene_panorama(hall: Path, index: int) -> dict:
    return json.loads((hall / "dist" / "tour.json").read_text("utf-8"))["scenes"][index]["panorama"]


def test_a_hall_with_a_cube_face_scene_builds_like_one_with_its_equirect(cube_hall):
    summary = build_hall(cube_hall)
    tour = json.loads((cube_hall / "dist" / "tour.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(tour_schema()).validate(tour)
    lobby, gallery = (scene["panorama"] for scene in tour["scenes"])
    assert (summary.scenes, summary.tiled) == (2, 2)
    assert lobby["levels"] == gallery["levels"] == [{"faceSize": 656, "nbTiles": 1}]
    folder = cube_hall / "dist" / Path(lobby["base"]).parent
    assert validate_tiles(folder, [Level(656, 1)]) == ([], [])
    for face in FACES:
        assert (cube_hall / "dist" / lobby["tiles"].format(level=0, face=face, row=0, col=0)).is_file()
    assert (cube_hall / "dist" / lobby["preview"]["src"]).is_file()
    assert (
        '<img id="hb-preview" src="data:image/jpeg;base64,' in (cube_hall / "dist" / "index.html").read_text()
    )


def test_the_cache_keys_on_all_six_faces(cube_hall):
    build_hall(cube_hall)
    first = scene_panorama(cube_hall, 0)["hash"]
    assert (build_hall(cube_hall).tiled, scene_panorama(cube_hall, 0)["hash"]) == (0, first)
    down = cube_hall / "photos" / "lobby" / "down.jpg"
    with Image.open(down) as image:
        darker = Image.eval(image, lambda value: value // 2)
    darker.save(down, quality=92)
    again = build_hall(cube_hall)
    assert (again.tiled, again.reused) == (1, 1)
    assert scene_panorama(cube_hall, 0)["hash"] != first
    view = cube_hall / "hall.yaml"  # a new initial view on cached faces: its preview is rendered from them
    view.write_text(
        view.read_text("utf-8").replace("view: {yaw: 0, pitch: 0", "view: {yaw: 40, pitch: 30", 1)
    )
    moved = build_hall(cube_hall)
    assert moved.tiled == 0
    preview = scene_panorama(cube_hall, 0)["preview"]
    assert (preview["yaw"], preview["pitch"]) == (40, 30) and (cube_hall / "dist" / preview["src"]).is_file()


def test_a_list_of_faces_in_another_order_is_another_panorama(cube_hall):
    config = cube_hall / "hall.yaml"
    listed = [f"photos/lobby/{name}.jpg" for name in NAMES]
    text = config.read_text("utf-8")
    config.write_text(text.replace("photo: photos/lobby", f"photo: [{', '.join(listed)}]"), "utf-8")
    build_hall(cube_hall)
    as_listed = scene_panorama(cube_hall, 0)["hash"]
    swapped = [listed[1], listed[0], *listed[2:]]
    config.write_text(text.replace("photo: photos/lobby", f"photo: [{', '.join(swapped)}]"), "utf-8")
    assert build_hall(cube_hall).tiled == 1
    assert scene_panorama(cube_hall, 0)["hash"] != as_listed


def test_face_size_problems_name_each_file_as_hall_yaml_does(cube_hall):
    folder = cube_hall / "photos" / "lobby"
    Image.new("RGB", (656, 600)).save(folder / "up.jpg")
    Image.new("RGB", (512, 512)).save(folder / "left.jpg")
    with pytest.raises(PhotoError) as caught:
        check_photos(load_hall(cube_hall))
    assert caught.value.lines() == [  # each on the line of the scene's photo, as every photo problem
        "hall.yaml:25 scenes[0].photo: photos/lobby/up.jpg: the up face is 656×600 pixels, but cube faces are square; export the six faces "
        "again from the stitcher (each N×N, e.g. 2048×2048)",
        "hall.yaml:25 scenes[0].photo: the cube faces differ in size (left 512×512; front, right, back, down 656×656); export "
        "all six at one size",
    ]


def test_check_decodes_every_face(cube_hall):
    down = cube_hall / "photos" / "lobby" / "down.jpg"
    down.write_bytes(down.read_bytes()[:5000])
    assert check_photos(load_hall(cube_hall))  # the headers are whole
    with pytest.raises(PhotoError) as caught:
        check_photos(load_hall(cube_hall), full=True)
    assert caught.value.lines() == [
        "hall.yaml:25 scenes[0].photo: photos/lobby/down.jpg: the image data is truncated or damaged; copy the file again from the camera or "
        "re-export it"
    ]


BRANCH = """\
name: 第一支部
scenes:
  - id: room
    title: 活动室
    photo: {photo}
"""


def test_a_branch_scene_may_be_cube_faces_too(hall):
    folder = hall / "showcases" / "first"
    cube_faces_of(
        hall / "photos" / "gallery.jpg", folder / "media" / "room", 400, [f"room_{n}" for n in "frblud"]
    )
    listed = "[" + ", ".join(f"media/room/room_{n}.jpg" for n in "frblud") + "]"
    (folder / "showcase.yaml").write_text(BRANCH.format(photo=listed), "utf-8")
    build_hall(hall)
    rooms = [
        s for s in json.loads((hall / "dist" / "tour.json").read_text("utf-8"))["scenes"] if s["id"] == "room"
    ]
    assert rooms[0]["panorama"]["levels"] == [{"faceSize": 400, "nbTiles": 1}]
    (folder / "showcase.yaml").write_text(BRANCH.format(photo="media/room"), "utf-8")
    assert build_hall(hall).tiled == 0  # the same six files: the same tiles
    (folder / "media" / "room" / "room_d.jpg").unlink()
    with pytest.raises(ConfigError) as caught:
        build_hall(hall)
    assert caught.value.lines() == [
        "showcases/first/showcase.yaml:5 scenes[0].photo: 'media/room' has no down face (found room_f.jpg, "
        "room_r.jpg, room_b.jpg, room_l.jpg, room_u.jpg); name the six files by face: front, right, back, left, "
        "up, down (or f, r, b, l, u, d, e.g. lobby_u.jpg)"
    ]


def test_check_and_build_on_the_command_line_end_well(cube_hall):
    from click.testing import CliRunner

    from hallbuilder.cli import cli

    checked = CliRunner().invoke(cli, ["check", str(cube_hall)])
    assert checked.exit_code == 0, checked.output
    assert "2 scene(s), 3 hotspot(s); 2 photo(s) read in full" in checked.output
    Image.new("RGB", (700, 656)).save(cube_hall / "photos" / "lobby" / "up.jpg")
    for command in ("check", "build"):
        result = CliRunner().invoke(cli, [command, str(cube_hall)])
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert "photos/lobby/up.jpg" in result.output and "cube faces are square" in result.output
    assert not (cube_hall / "dist").exists()
