"""Project read and edit: comment-keeping saves, refused saves, conflicts, outside edits, history and undo."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import hallbuilder

from .conftest import version_of

TITLE = ["scenes", 0, "title", "en"]


def set_op(path, value):
    return {"op": "set", "path": path, "value": value}


def test_the_project_reads_as_hall_yaml_wrote_it(client, project):
    data = client.get("/api/project").get_json()
    assert data["version"] == hashlib.sha256((project / "hall.yaml").read_bytes()).hexdigest()
    assert data["hall"]["languages"] == ["zh-CN", "en"]
    assert [scene["id"] for scene in data["scenes"]] == ["lobby", "gallery"]
    assert "view" not in data["scenes"][1]  # hall.yaml's own values, not the defaults filled in
    assert data["scenes"][0]["status"]["tiles"] in ("ready", "tiling", "missing")
    assert data["problems"] == []


def test_an_edit_keeps_comments_and_writes_in_hall_yaml_style(client, project):
    version = version_of(client)
    response = client.post(
        "/api/edit",
        json={
            "version": version,
            "ops": [
                set_op(TITLE, "Welcome hall"),
                set_op(["scenes", 1, "view"], {"yaw": 30, "pitch": -5, "fov": 70}),
            ],
        },
    )
    assert response.status_code == 200, response.get_json()
    text = (project / "hall.yaml").read_text("utf-8")
    assert response.get_json()["version"] == hashlib.sha256(text.encode()).hexdigest()
    assert re.search(r"title: \{zh-CN: 序厅, en: Welcome hall\} +# name of the scene\n", text)
    assert "view: {yaw: 30, pitch: -5, fov: 70}" in text
    # every other line, comments included, is as it was
    template = (Path(hallbuilder.__file__).parent / "templates" / "hall.yaml").read_text("utf-8").splitlines()
    changed = [line for line in text.splitlines() if "Welcome hall" in line or "view: {yaw: 30" in line]
    assert [line for line in text.splitlines() if line not in changed] == [
        line for line in template if "en: Entrance}" not in line
    ]


def test_insert_move_and_delete(client, project):
    version = version_of(client)
    ops = [
        {
            "op": "insert",
            "path": ["zones"],
            "index": 1,
            "value": {"id": "west", "title": {"zh-CN": "西区", "en": "West"}},
        },
        {"op": "move", "path": ["zones"], "from": 1, "to": 0},
        set_op(["scenes", 1, "zone"], "west"),
        {"op": "delete", "path": ["scenes", 0, "narration"]},
    ]
    assert client.post("/api/edit", json={"version": version, "ops": ops}).status_code == 200
    data = client.get("/api/project").get_json()
    assert [zone["id"] for zone in data["zones"]] == ["west", "main"]
    assert data["scenes"][1]["zone"] == "west" and "narration" not in data["scenes"][0]


def test_a_save_that_would_break_hall_yaml_is_refused_and_the_file_kept_byte_for_byte(client, project):
    before = (project / "hall.yaml").read_bytes()
    response = client.post(
        "/api/edit",
        json={
            "version": version_of(client),
            "ops": [set_op(["scenes", 0, "hotspots", 0, "target"], "attic")],
        },
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "invalid"
    assert error["message"].startswith("Not saved: the change would break hall.yaml.")
    [problem] = error["problems"]
    assert problem["path"] == ["scenes", 0, "hotspots", 0, "target"]
    assert problem["message"].endswith("scenes[0].hotspots[0].target: no scene 'attic'")
    assert problem["line"] > 20
    assert (project / "hall.yaml").read_bytes() == before
    assert client.get("/api/history").get_json() == []


def test_a_refusal_is_worded_in_the_pages_language(client):
    response = client.post(
        "/api/edit?lang=zh-CN",
        json={"version": version_of(client), "ops": [set_op(["hall", "start"], "attic")]},
    )
    assert response.get_json()["error"]["message"].startswith("未保存：此修改会让 hall.yaml 出错。")


def test_a_bad_op_names_the_op_at_fault(client, project):
    before = (project / "hall.yaml").read_bytes()
    response = client.post(
        "/api/edit",
        json={
            "version": version_of(client),
            "ops": [set_op(TITLE, "x"), set_op(["scenes", 9, "title"], "y")],
        },
    )
    assert response.status_code == 400
    assert (
        response.get_json()["error"]["message"]
        == "The request is not valid: ops[1]: nothing at ['scenes', 9]"
    )
    assert (project / "hall.yaml").read_bytes() == before


def test_two_clients_saving_over_the_same_version_the_second_gets_409(client, project):
    version = version_of(client)
    first = client.post("/api/edit", json={"version": version, "ops": [set_op(TITLE, "First tab")]})
    second = client.post("/api/edit", json={"version": version, "ops": [set_op(TITLE, "Second tab")]})
    assert first.status_code == 200 and second.status_code == 409
    error = second.get_json()["error"]
    assert error["code"] == "conflict" and error["version"] == first.get_json()["version"]
    assert "hall.yaml was changed elsewhere" in error["message"]
    assert "First tab" in (project / "hall.yaml").read_text("utf-8")


def test_an_outside_edit_is_noticed_and_an_edit_from_the_old_version_refused(client, project):
    old = version_of(client)
    config = project / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("我的展厅", "编辑器里改的"), "utf-8")
    new = version_of(client)
    assert new != old and new == hashlib.sha256(config.read_bytes()).hexdigest()
    assert client.get("/api/project").get_json()["hall"]["title"] == "编辑器里改的"
    refused = client.post("/api/edit", json={"version": old, "ops": [set_op(TITLE, "lost?")]})
    assert refused.status_code == 409 and refused.get_json()["error"]["version"] == new
    assert "编辑器里改的" in config.read_text("utf-8") and "lost?" not in config.read_text("utf-8")


def test_a_broken_hall_yaml_edited_outside_shows_its_problems(client, project):
    config = project / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("target: gallery", "target: galery"), "utf-8")
    problems = client.get("/api/project").get_json()["problems"]
    assert [problem["path"] for problem in problems] == [["scenes", 0, "hotspots", 0, "target"]]
    assert problems[0]["message"].endswith("no scene 'galery' (did you mean 'gallery'?)")


def test_a_hall_yaml_broken_outside_can_still_be_mended_but_not_made_worse(client, project):
    config = project / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("target: gallery", "target: galery"), "utf-8")

    kept = client.post(
        "/api/edit", json={"version": version_of(client), "ops": [set_op(TITLE, "Front hall")]}
    )
    assert kept.status_code == 200  # the misspelt link was there before: other work is not held hostage
    assert "Front hall" in config.read_text("utf-8")

    before = config.read_bytes()
    worse = client.post(
        "/api/edit", json={"version": version_of(client), "ops": [set_op(["hall", "start"], "attic")]}
    )
    assert worse.status_code == 422
    assert config.read_bytes() == before

    mended = client.post(
        "/api/edit",
        json={
            "version": version_of(client),
            "ops": [set_op(["scenes", 0, "hotspots", 0, "target"], "gallery")],
        },
    )
    assert mended.status_code == 200
    assert client.get("/api/project").get_json()["problems"] == []


def test_history_undo_and_restore(client, project):
    config = project / "hall.yaml"
    original = config.read_bytes()
    v1 = client.post(
        "/api/edit", json={"version": version_of(client), "ops": [set_op(TITLE, "One")]}
    ).get_json()["version"]
    after_one = config.read_bytes()
    v2 = client.post("/api/edit", json={"version": v1, "ops": [set_op(TITLE, "Two")]}).get_json()["version"]
    history = client.get("/api/history").get_json()
    assert [entry["summary"] for entry in history] == ["set scenes[0].title.en"] * 2
    undone = client.post("/api/undo", json={"version": v2})
    assert undone.status_code == 200 and config.read_bytes() == after_one
    undone = client.post("/api/undo", json={"version": undone.get_json()["version"]})
    assert config.read_bytes() == original
    oldest_first = client.get("/api/history").get_json()[::-1]
    restore = client.post(
        f"/api/history/{oldest_first[1]['id']}/restore", json={"version": undone.get_json()["version"]}
    )
    assert restore.status_code == 200 and config.read_bytes() == after_one
    assert client.post("/api/history/12/restore", json={"version": "x"}).status_code == 404
