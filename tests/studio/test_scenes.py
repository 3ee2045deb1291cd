"""Scene operations: rename and delete keep every reference right (and `hallbuilder check` passes), the way
back of a link faces back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from hallbuilder.cli import cli

from .conftest import version_of

ROOM = """
scenes:
  - id: first-room
    title: 支部活动室
    photo: media/room.jpg
    hotspots:
      - {type: link, target: gallery, yaw: 180, pitch: -10}   # back into the hall
"""


@pytest.fixture
def linked(client, project: Path, make_equirect) -> Path:
    """The new project with a floor plan, a third scene linking to gallery, and a branch room linking to it."""
    from hallbuilder.commands.showcase import create_showcase

    Image.new("RGB", (400, 300), "white").save(project / "media" / "plan.png")
    make_equirect(2048, name="hall3.jpg", folder=project / "photos", seed=3)
    config = create_showcase(project, "first")
    make_equirect(2048, name="room.jpg", folder=config.parent / "media", seed=4)
    text = config.read_text("utf-8").replace("# scene: lobby", "scene: gallery")
    config.write_text(text + ROOM, "utf-8")
    ops = [
        {"op": "set", "path": ["hall", "start"], "value": "gallery"},
        {
            "op": "set",
            "path": ["floorplan"],
            "value": {
                "image": "media/plan.png",
                "points": {"lobby": {"x": 10, "y": 20}, "gallery": {"x": 30, "y": 40}},
            },
        },
        {
            "op": "insert",
            "path": ["scenes"],
            "index": 2,
            "value": {
                "id": "annex",
                "title": {"zh-CN": "附厅"},
                "photo": "photos/hall3.jpg",
                "hotspots": [{"type": "link", "target": "gallery", "yaw": 90, "pitch": -5}],
            },
        },
    ]
    response = client.post("/api/edit", json={"version": version_of(client), "ops": ops})
    assert response.status_code == 200, response.get_json()
    return project


def check(project: Path):
    return CliRunner().invoke(cli, ["check", str(project)])


def test_references_list_everything_that_names_a_scene(client, linked):
    found = client.get("/api/scenes/gallery/references").get_json()
    assert sorted((item["kind"], item["file"], tuple(item["path"])) for item in found) == [
        ("achievement", "showcases/first/showcase.yaml", ("achievements", 0, "scene")),
        ("floorplan", "hall.yaml", ("floorplan", "points", "gallery")),
        ("link", "hall.yaml", ("scenes", 0, "hotspots", 0, "target")),
        ("link", "hall.yaml", ("scenes", 2, "hotspots", 0, "target")),
        ("showcase", "showcases/first/showcase.yaml", ("scenes", 0, "hotspots", 0, "target")),
        ("start", "hall.yaml", ("hall", "start")),
    ]
    assert client.get("/api/scenes/attic/references").status_code == 404


def test_a_rename_takes_every_reference_along_and_check_passes(client, linked):
    response = client.post(
        "/api/scenes/gallery/rename", json={"version": version_of(client), "to": "west-gallery"}
    )
    assert response.status_code == 200, response.get_json()
    assert client.get("/api/scenes/gallery/references").status_code == 404
    found = client.get("/api/scenes/west-gallery/references").get_json()
    assert len(found) == 6
    text = (linked / "hall.yaml").read_text("utf-8")
    assert "points: {lobby: {x: 10, y: 20}, west-gallery: {x: 30, y: 40}}" in text  # in its place
    assert re.search(r"  start: west-gallery +# the scene the tour starts in", text)
    result = check(linked)
    assert result.exit_code == 0, result.output


def test_a_rename_to_a_taken_or_bad_id_is_refused(client, linked):
    before = (linked / "hall.yaml").read_bytes()
    taken = client.post("/api/scenes/gallery/rename", json={"version": version_of(client), "to": "lobby"})
    assert taken.status_code == 409 and taken.get_json()["error"]["code"] == "id_taken"
    bad = client.post(
        "/api/scenes/gallery/rename", json={"version": version_of(client), "to": "West Gallery"}
    )
    assert bad.status_code == 400
    assert (linked / "hall.yaml").read_bytes() == before


def test_a_delete_removes_every_link_and_check_passes(client, linked):
    response = client.delete(f"/api/scenes/gallery?version={version_of(client)}")
    assert response.status_code == 200, response.get_json()
    data = client.get("/api/project").get_json()
    assert [scene["id"] for scene in data["scenes"]] == ["lobby", "annex"]
    assert "start" not in data["hall"] and list(data["floorplan"]["points"]) == ["lobby"]
    assert all(h.get("target") != "gallery" for scene in data["scenes"] for h in scene.get("hotspots") or [])
    assert data["scenes"][1]["hotspots"] == []
    showcase = (linked / "showcases/first/showcase.yaml").read_text("utf-8")
    assert "target: gallery" not in showcase and "scene: gallery" not in showcase
    result = check(linked)
    assert result.exit_code == 0, result.output
    assert client.delete(f"/api/scenes/gallery?version={data['version']}").status_code == 404


def test_the_way_back_faces_back_corrected_by_both_norths(client, project):
    ops = [
        {"op": "set", "path": ["scenes", 0, "north"], "value": 30},
        {"op": "set", "path": ["scenes", 1, "north"], "value": -20},
        {"op": "delete", "path": ["scenes", 1, "hotspots", 0]},  # gallery's own way back to lobby
        {"op": "set", "path": ["scenes", 0, "hotspots", 0, "yaw"], "value": 100},
    ]
    version = client.post("/api/edit", json={"version": version_of(client), "ops": ops}).get_json()["version"]
    response = client.post("/api/scenes/lobby/hotspots/lobby-0/way-back", json={"version": version})
    assert response.status_code == 200 and response.get_json()["added"] is True
    [back] = client.get("/api/project").get_json()["scenes"][1]["hotspots"]
    # heading from lobby: 100 - 30 = 70° from north; back: 250° from north; in gallery's photo 250 - 20 = 230
    assert back == {"type": "link", "target": "lobby", "yaw": -130.0, "pitch": -10}
    again = client.post(
        "/api/scenes/lobby/hotspots/lobby-0/way-back", json={"version": response.get_json()["version"]}
    )
    assert again.get_json() == {"version": response.get_json()["version"], "added": False}
    info = client.post(
        "/api/scenes/lobby/hotspots/lobby-1/way-back", json={"version": response.get_json()["version"]}
    )
    assert info.status_code == 400
