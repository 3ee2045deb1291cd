"""Dropped photos and media: checked at once with check's own messages, refused ones leave nothing behind,
accepted ones become scenes tiled in the background into the cache the CLI build reuses."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner

from hallbuilder.cli import cli

from .conftest import TOKEN, wait_for


def upload(client, path: Path, name: str, route: str = "/api/photos", **headers):
    with path.open("rb") as handle:
        return client.post(
            route,
            data={"files": (io.BytesIO(handle.read()), name)},
            content_type="multipart/form-data",
            headers=headers,
        )


def leftovers(project: Path) -> set[str]:
    """Files an upload could leave: in photos/, media/ and the studio's holding folder."""
    folders = [project / "photos", project / "media", project / ".hallbuilder-studio" / "uploads"]
    return {
        str(path.relative_to(project)) for folder in folders if folder.is_dir() for path in folder.iterdir()
    }


def test_a_dropped_photo_becomes_a_scene_tiled_into_the_builds_cache(live_client, hall, make_equirect):
    photo = make_equirect(2048, name="in.jpg", seed=7)
    response = upload(live_client, photo, "East Hall.jpg")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["added"] == [
        {"scene": "east-hall", "photo": "photos/east-hall.jpg", "title": "East Hall", "name": "East Hall.jpg"}
    ]
    assert (hall / "photos" / "east-hall.jpg").read_bytes() == photo.read_bytes()
    assert "  - id: east-hall\n    title: {zh-CN: East Hall}\n    photo: photos/east-hall.jpg\n" in (
        hall / "hall.yaml"
    ).read_text("utf-8")

    def ready():
        scenes = live_client.get("/api/project").get_json()["scenes"]
        return [
            scene["status"]
            for scene in scenes
            if scene["id"] == "east-hall" and scene["status"]["tiles"] == "ready"
        ]

    [status] = wait_for(ready)
    assert status["progress"] == 1
    assert live_client.get(status["thumb"]).headers["Content-Type"] == "image/jpeg"
    assert {"scene": "east-hall", "state": "ready", "progress": 1.0, "message": None} in live_client.get(
        "/api/jobs"
    ).get_json()
    # the CLI build finds the tiles in the cache: nothing is tiled again
    result = CliRunner().invoke(cli, ["build", str(hall)])
    assert result.exit_code == 0, result.output
    assert "(0 tiled, 3 unchanged)" in result.output


def check_message_for(project: Path, photo: Path) -> str:
    """What `hallbuilder check` says after `scenes[0].photo: ` about `photo`."""
    import shutil

    shutil.copy(photo, project / "photos" / "lobby.jpg")
    result = CliRunner().invoke(cli, ["check", str(project)])
    [line] = [line for line in result.output.splitlines() if "scenes[0].photo: " in line]
    return line.split("scenes[0].photo: ", 1)[1]


def test_a_photo_that_is_not_2_to_1_is_refused_with_checks_message(
    client, project, make_equirect, new_project_template, tmp_path
):
    import shutil

    photo = make_equirect(3000, 2000, name="wide.jpg")
    expected = check_message_for(Path(shutil.copytree(new_project_template, tmp_path / "other")), photo)
    assert "2:1" in expected
    before = leftovers(project)
    hall_yaml = (project / "hall.yaml").read_bytes()
    response = upload(client, photo, "Wide.jpg", **{"Accept-Language": "en"})
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "photo_refused"
    assert error["message"] == f"'Wide.jpg' was not added: {expected}"
    assert error["problems"][0]["key"] == "Wide.jpg"
    assert leftovers(project) == before and (project / "hall.yaml").read_bytes() == hall_yaml


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(client, project, tmp_path):
    fake = tmp_path / "fake.jpg"
    fake.write_text("<script>alert(1)</script>", "utf-8")
    before = leftovers(project)
    response = upload(client, fake, "../../etc/notes.jpg", **{"Accept-Language": "zh-CN"})
    assert response.status_code == 422
    assert (
        response.get_json()["error"]["message"]
        == "“../../etc/notes.jpg”不是照片（JPEG、PNG、TIFF 或 WebP），文件未保存。"
    )
    assert leftovers(project) == before
    media = upload(client, fake, "clip.mp4", route="/api/media")
    assert media.status_code == 415 and leftovers(project) == before


def test_an_oversized_file_is_refused_and_nothing_kept(hall, make_equirect):
    from hallbuilder.studio import create_app

    app = create_app(hall, TOKEN, max_upload_bytes=50_000, background=False)
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {TOKEN}"
    photo = make_equirect(2048, name="big.jpg")
    assert photo.stat().st_size > 50_000
    before = leftovers(hall)
    response = upload(client, photo, "big.jpg", **{"Accept-Language": "en"})
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "too_large"
    assert (
        error["message"]
        == "'big.jpg' is larger than 0.0477 MB; make it smaller and upload it again. Nothing was kept."
    )
    assert leftovers(hall) == before


def test_media_for_a_hotspot_is_kept_in_media_with_a_safe_name(client, project, make_equirect):
    picture = make_equirect(512, name="x.png")
    response = upload(client, picture, "Exhibit ①.PNG", route="/api/media")
    assert response.status_code == 200
    assert response.get_json() == {"path": "media/exhibit-1.png"}
    assert (project / "media" / "exhibit-1.png").read_bytes() == picture.read_bytes()


def test_a_truncated_photo_is_refused_with_checks_message(
    client, project, make_equirect, new_project_template, tmp_path
):
    import shutil

    whole = make_equirect(2048, name="whole.jpg")
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    expected = check_message_for(Path(shutil.copytree(new_project_template, tmp_path / "other")), cut)
    assert "truncated" in expected
    before = leftovers(project)
    response = upload(client, cut, "Cut.jpg")
    assert response.status_code == 422
    assert response.get_json()["error"]["message"] == f"'Cut.jpg' was not added: {expected}"
    assert leftovers(project) == before


CUBE = Path(__file__).resolve().parents[3] / "shared" / "panoramas" / "wyman-park-playground-cube"
FACE_WORDS = ("F", "R", "B", "L", "U", "D")  # face0 … face5 are in Pannellum's order: front … down


def upload_cube(client, names: list[str]):
    files = [(io.BytesIO((CUBE / f"face{index}.jpg").read_bytes()), name) for index, name in enumerate(names)]
    return client.post("/api/photos", data={"cube": "1", "files": files}, content_type="multipart/form-data")


def test_six_cube_faces_make_one_scene(client, project, panoramas):
    response = upload_cube(client, [f"Playground_{word}.jpg" for word in FACE_WORDS])
    assert response.status_code == 200, response.get_json()
    [added] = response.get_json()["added"]
    assert added["scene"] == "playground" and added["photo"] == "photos/playground"
    assert sorted(path.name for path in (project / "photos" / "playground").iterdir()) == sorted(
        f"playground-{word.lower()}.jpg" for word in FACE_WORDS
    )
    result = CliRunner().invoke(cli, ["check", str(project)])
    assert result.exit_code == 0, result.output


def test_cube_faces_not_named_by_face_are_refused_with_checks_message(client, project, panoramas):
    before = leftovers(project)
    response = upload_cube(client, [f"face{index}.jpg" for index in range(6)])
    assert response.status_code == 422
    message = response.get_json()["error"]["message"]
    assert message.startswith("'photos/face0' was not added: 'photos/face0' holds face0.jpg, face1.jpg")
    assert leftovers(project) == before
    five = upload_cube(client, [f"Playground_{word}.jpg" for word in FACE_WORDS[:5]])
    assert five.status_code == 400 and five.get_json()["error"]["code"] == "cube_six"
    assert leftovers(project) == before


def test_a_photo_outside_the_project_is_never_read(hall, make_equirect, tmp_path):
    from hallbuilder.studio import create_app

    outside = make_equirect(2048, name="secret.jpg", folder=tmp_path / "elsewhere")
    config = hall / "hall.yaml"
    config.write_text(
        config.read_text("utf-8").replace("photos/gallery.jpg", f"../elsewhere/{outside.name}"), "utf-8"
    )
    app = create_app(hall, TOKEN)  # background work on: it would tile what it reads
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {TOKEN}"
    try:
        data = client.get("/api/project").get_json()
        assert data["scenes"][1]["status"] == {
            "tiles": "missing",
            "progress": 0,
            "message": None,
            "thumb": None,
        }
        assert any("scenes[1].photo" in (problem["key"] or "") for problem in data["problems"])
        assert client.get("/api/scenes/gallery/thumb").status_code == 404
        assert [job["scene"] for job in client.get("/api/jobs").get_json()] == ["lobby"]
    finally:
        app.extensions["studio"].close()
