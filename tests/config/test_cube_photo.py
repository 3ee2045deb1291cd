"""hall.yaml's scenes.photo as six cube faces (a folder or a list): accepted, and every mistake on its line."""

from pathlib import Path

import pytest
from PIL import Image

from hallbuilder.config import load_hall
from hallbuilder.errors import ConfigError

NAMES = ("front", "right", "back", "left", "up", "down")
NAMING = (
    "name the six files by face: front, right, back, left, up, down (or f, r, b, l, u, d, e.g. lobby_u.jpg)"
)


def faces(folder: Path, names=NAMES) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        Image.new("RGB", (8, 8)).save(folder / f"{name}.jpg")
    return [f"{name}.jpg" for name in names]


def problems(project: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_hall(project)
    return caught.value.lines()


def test_a_folder_of_six_faces_is_a_photo(project, edit):
    faces(project / "photos" / "lobby")
    edit("photo: photos/lobby.jpg", "photo: photos/lobby")
    assert load_hall(project).scenes[0].photo.path == "photos/lobby"


def test_a_list_of_six_faces_is_a_photo(project, edit):
    faces(project / "photos" / "cube", [f"face{index}" for index in range(6)])
    listed = "".join(f"\n      - photos/cube/face{index}.jpg" for index in range(6))
    edit("photo: photos/lobby.jpg", f"photo:{listed}")
    assert load_hall(project).scenes[0].photo.path == tuple(
        f"photos/cube/face{index}.jpg" for index in range(6)
    )


def test_a_folder_missing_a_face_names_what_is_there(project, edit):
    faces(project / "photos" / "lobby", NAMES[:5])
    edit("photo: photos/lobby.jpg", "photo: photos/lobby")
    assert problems(project) == [
        "hall.yaml:25 scenes[0].photo: 'photos/lobby' has no down face (found front.jpg, right.jpg, back.jpg, "
        f"left.jpg, up.jpg); {NAMING}"
    ]


def test_an_empty_or_missing_folder_says_what_a_photo_can_be(project, edit):
    (project / "photos" / "empty").mkdir()
    edit("photo: photos/lobby.jpg", "photo: photos/empty")
    edit("photo: photos/gallery.jpg", "photo: photos/galery")
    assert problems(project) == [
        f"hall.yaml:25 scenes[0].photo: 'photos/empty' is a folder without cube faces; {NAMING}, or give the "
        "equirectangular photo file",
        "hall.yaml:50 scenes[1].photo: file or folder not found: photos/galery (did you mean 'photos/gallery.jpg'?)",
    ]


def test_opengl_names_are_refused_with_the_names_to_use(project, edit):
    faces(project / "photos" / "lobby", ("px", "nx", "py", "ny", "pz", "nz"))
    edit("photo: photos/lobby.jpg", "photo: photos/lobby")
    assert problems(project) == [
        "hall.yaml:25 scenes[0].photo: 'photos/lobby' has cube faces named nx.jpg, ny.jpg, nz.jpg, px.jpg, py.jpg, "
        f"pz.jpg: such names do not say which way each face is turned; {NAMING}, oriented as docs/hall-yaml.md "
        "(scenes.photo) says"
    ]


def test_a_list_of_five_faces_says_six_in_which_order(project, edit):
    faces(project / "photos" / "lobby")
    edit("photo: photos/lobby.jpg", "photo: [" + ", ".join(f"photos/lobby/{n}.jpg" for n in NAMES[:5]) + "]")
    assert problems(project) == [
        "hall.yaml:25 scenes[0].photo: a list of cube faces has six files, in the order front, right, back, left, "
        "up, down; got 5 (or give the folder that holds them)"
    ]


def test_each_listed_face_is_checked_on_its_own_line(project, edit):
    faces(project / "photos" / "lobby")
    listed = [f"photos/lobby/{name}.jpg" for name in NAMES]
    listed[2], listed[4] = "photos/lobby/bakc.jpg", "/tmp/up.jpg"
    edit("photo: photos/lobby.jpg", "photo:" + "".join(f"\n      - {path}" for path in listed))
    assert problems(project) == [
        "hall.yaml:28 scenes[0].photo[2]: file not found: photos/lobby/bakc.jpg (did you mean "
        "'photos/lobby/back.jpg'?)",
        "hall.yaml:30 scenes[0].photo[4]: '/tmp/up.jpg' is an absolute path; write it relative to hall.yaml, "
        "e.g. photos/lobby.jpg",
    ]
    edit("/tmp/up.jpg", "photos/lobby/up.jpg")
    edit("photos/lobby/bakc.jpg", "photos/lobby/front.jpg")
    assert problems(project) == [
        "hall.yaml:25 scenes[0].photo: 'photos/lobby/front.jpg' is listed twice; list six different faces, in "
        "the order front, right, back, left, up, down"
    ]


def test_a_folder_of_numbered_faces_says_to_name_or_list_them(project, edit):
    faces(project / "photos" / "lobby", [f"face{index}" for index in range(6)])
    edit("photo: photos/lobby.jpg", "photo: photos/lobby/")
    assert problems(project) == [
        "hall.yaml:25 scenes[0].photo: 'photos/lobby/' holds face0.jpg, face1.jpg, face2.jpg, face3.jpg, "
        f"face4.jpg, face5.jpg, not named by face; {NAMING}, or list the six files as the photo, in the order "
        "front, right, back, left, up, down"
    ]
