"""`hallbuilder serve`: the tour and the API from one origin, precompressed files, cache headers."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest

from hallbuilder.service import preview
from hallbuilder.service.app import create_app

from .conftest import make_settings, make_tour

BUNDLE = "viewer.3f2a9c1b.js"
PHOTO = "jfk-terminal-concourse_4096x2048.jpg"


@pytest.fixture
def dist(tmp_path, panoramas) -> Path:
    """A small built tour: tour.json, index.html, a hashed bundle with .br/.gz siblings, a real photo."""
    root = tmp_path / "demo" / "dist"
    (root / "scenes/lobby/0123abcd").mkdir(parents=True)
    (root / "media").mkdir()
    (root / "tour.json").write_text(json.dumps(make_tour()), "utf-8")
    (root / "index.html").write_text(
        '<!doctype html><title>展厅</title><script type="application/json" id="hb-tour">{"service":null}</script>',
        "utf-8",
    )
    script = b"console.log('viewer');" * 50
    (root / BUNDLE).write_bytes(script)
    (root / f"{BUNDLE}.gz").write_bytes(gzip.compress(script))
    (root / f"{BUNDLE}.br").write_bytes(b"brotli bytes as the viewer build wrote them")
    shutil.copyfile(panoramas / PHOTO, root / "scenes/lobby/0123abcd/base.jpg")
    (root / "media/0f1e2d3c4b5a6978.m4a").write_bytes(b"\0" * 64)
    return root


@pytest.fixture
def preview_client(dist, sqlite_url):
    from .conftest import register

    register(sqlite_url, make_tour())
    app = create_app(make_settings(sqlite_url))
    preview.register(app, dist)
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = "Mozilla/5.0 test"
    return client


def test_tour_json_points_at_this_server(preview_client):
    response = preview_client.get("/tour.json")
    assert response.get_json()["service"] == {"url": "/api"}
    assert response.headers["Cache-Control"] == "no-cache"


def test_the_tour_embedded_in_the_page_points_at_this_server_too(preview_client):
    page = preview_client.get("/").get_data(as_text=True)
    embedded = re.search(r'<script type="application/json" id="hb-tour">(.*?)</script>', page).group(1)
    assert json.loads(embedded)["service"] == {"url": "/api"}
    assert "<title>展厅</title>" in page
    assert preview_client.get("/index.html", follow_redirects=True).get_data(as_text=True) == page


@pytest.mark.parametrize(
    ("accept", "encoding", "suffix"),
    [
        ("gzip, deflate, br", "br", ".br"),
        ("gzip", "gzip", ".gz"),
        ("br;q=0, gzip", "gzip", ".gz"),
        ("", None, ""),
    ],
)
def test_precompressed_siblings(preview_client, dist, accept, encoding, suffix):
    response = preview_client.get(f"/{BUNDLE}", headers={"Accept-Encoding": accept})
    assert response.headers.get("Content-Encoding") == encoding
    assert response.headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert response.get_data() == (dist / f"{BUNDLE}{suffix}").read_bytes()


def test_hashed_paths_cache_long_and_others_revalidate(preview_client, dist, panoramas):
    photo = preview_client.get("/scenes/lobby/0123abcd/base.jpg")
    assert photo.headers["Content-Type"] == "image/jpeg"
    assert photo.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert photo.get_data() == (panoramas / PHOTO).read_bytes()
    assert preview_client.get("/media/0f1e2d3c4b5a6978.m4a").headers["Content-Type"] == "audio/mp4"
    index = preview_client.get("/")
    assert index.headers["Content-Type"] == "text/html; charset=utf-8"
    assert index.headers["Cache-Control"] == "no-cache"
    assert "Content-Security-Policy" not in index.headers  # the admin CSP must not break the viewer


def test_no_way_out_of_the_tour_folder(preview_client):
    for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/scenes/../../demo/x"):
        assert preview_client.get(path).status_code == 404


def test_api_and_tour_share_the_origin(preview_client):
    assert preview_client.post("/api/halls/demo-hall/views", json={"scene": "lobby"}).status_code == 204
    assert preview_client.get("/api/halls/demo-hall/stats").get_json()["views"] == 1


def test_serve_command_end_to_end(dist):
    """The real command: prints the URL, serves tour and API, stores SQLite next to the tour."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "hallbuilder.cli", "serve", str(dist), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        lines = [process.stdout.readline() for _ in range(3)]
        assert lines[0] == "Hall 'demo-hall' (2 scenes) with comments, messages and statistics.\n"
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", lines[1]).group(1))
        assert "add --host 0.0.0.0" in lines[2]
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{base}/tour.json", timeout=10) as response:
            assert json.load(response)["service"]["url"] == "/api"
        request = urllib.request.Request(
            f"{base}/api/halls/demo-hall/comments",
            method="POST",
            data=json.dumps({"nickname": "访客", "text": "预览"}).encode(),
            headers={"Content-Type": "application/json", "User-Agent": "Mozilla/5.0"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 201
        assert (dist.parent / "hallbuilder-service.sqlite3").is_file()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stopping_the_preview_writes_its_buffered_views(dist, stop):
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "HALLBUILDER_VIEW_FLUSH_MS": "60000"}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "hallbuilder.cli", "serve", str(dist), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        lines = process.stdout.readline() + process.stdout.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", lines)[1])
        for _ in range(3):
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/halls/demo-hall/views",
                data=b'{"scene": "lobby"}',
                headers={"Content-Type": "application/json", "User-Agent": "Mozilla/5.0"},
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 204
    finally:
        process.send_signal(stop)
        assert process.wait(timeout=10) == 0
        process.stdout.close()
        process.stderr.close()
    with closing(sqlite3.connect(dist.parent / "hallbuilder-service.sqlite3")) as connection:
        assert connection.execute("SELECT count(*) FROM views").fetchone() == (3,)


def test_serve_without_a_tour_says_what_to_do(tmp_path):
    from click.testing import CliRunner

    from hallbuilder.cli import cli

    result = CliRunner().invoke(cli, ["serve", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"{tmp_path}: no tour.json here; build the hall first (hallbuilder build) and give its dist folder\n"
    )


@pytest.fixture
def edit_client(dist, sqlite_url, tmp_path):
    """A preview that knows its project: a `hallbuilder new` hall beside the dist."""
    from hallbuilder.commands.new import create_project

    from .conftest import register

    project = tmp_path / "project"
    create_project(project)
    register(sqlite_url, make_tour())
    app = create_app(make_settings(sqlite_url))
    preview.register(app, dist, project)
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
    page = client.get("/").get_data(as_text=True)
    embedded = json.loads(re.search(r'id="hb-tour">(.*?)</script>', page).group(1))
    return client, project, embedded["edit"]


MOVE = {
    "scene": "gallery",
    "id": "gallery-0",
    "type": "link",
    "target": "lobby",
    "yaw": 170.04,
    "pitch": -9.5,
}


def test_edit_mode_saves_into_hall_yaml_with_the_page_token(edit_client):
    client, project, edit = edit_client
    assert edit["save"] == "/__hallbuilder/hotspot" and len(edit["token"]) > 20
    response = client.post(edit["save"], json=MOVE, headers={"X-Hallbuilder-Edit": edit["token"]})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["message"] == (
        "moved hotspot gallery-0 in scene gallery; run `hallbuilder build` to rebuild the tour."
    )
    assert "yaw: 170.0, pitch: -9.5" in (project / "hall.yaml").read_text("utf-8")


@pytest.mark.parametrize(
    ("remote", "token_ok", "status"),
    [("127.0.0.1", False, 403), ("192.168.1.20", True, 403), ("::1", True, 200)],
)
def test_edit_saves_need_this_computer_and_the_token(edit_client, remote, token_ok, status):
    client, project, edit = edit_client
    before = (project / "hall.yaml").read_text("utf-8")
    token = edit["token"] if token_ok else "guessed"
    response = client.post(
        edit["save"], json=MOVE, headers={"X-Hallbuilder-Edit": token}, environ_base={"REMOTE_ADDR": remote}
    )
    assert response.status_code == status
    if status == 403:
        assert response.get_json()["message"] == "Edit mode saves only from this computer."
        assert (project / "hall.yaml").read_text("utf-8") == before


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "evil.example:80"},  # a page that pointed its own name at 127.0.0.1 (DNS rebinding)
        {"Host": "localhost", "Origin": "http://evil.example"},
        {"Host": "localhost", "Sec-Fetch-Site": "cross-site"},
        {"Host": "127.0.0.1:9999"},
    ],
)
def test_edit_saves_refuse_a_foreign_host_or_origin(edit_client, headers):
    client, project, edit = edit_client
    before = (project / "hall.yaml").read_bytes()
    response = client.post(edit["save"], json=MOVE, headers={"X-Hallbuilder-Edit": edit["token"], **headers})
    assert response.status_code == 403
    assert (project / "hall.yaml").read_bytes() == before
    same_origin = {"Host": "127.0.0.1", "Origin": "http://127.0.0.1", "Sec-Fetch-Site": "same-origin"}
    response = client.post(
        edit["save"], json=MOVE, headers={"X-Hallbuilder-Edit": edit["token"], **same_origin}
    )
    assert response.status_code == 200


def test_edit_saves_are_validated(edit_client):
    client, project, edit = edit_client
    before = (project / "hall.yaml").read_text("utf-8")
    headers = {"X-Hallbuilder-Edit": edit["token"]}
    bad_angle = client.post(edit["save"], json={**MOVE, "pitch": 120}, headers=headers)
    assert bad_angle.status_code == 422 and "pitch" in bad_angle.get_json()["errors"]
    no_target = client.post(edit["save"], json={**MOVE, "id": None, "target": None}, headers=headers)
    assert no_target.get_json()["errors"] == {"target": ["required for a link hotspot"]}
    broken = client.post(edit["save"], json={**MOVE, "id": None, "target": "attic"}, headers=headers)
    assert broken.status_code == 422
    assert broken.get_json()["message"].endswith("target: no scene 'attic'")
    assert (project / "hall.yaml").read_text("utf-8") == before


def test_without_a_project_there_is_no_save_route(preview_client):
    page = preview_client.get("/").get_data(as_text=True)
    assert '"save"' not in page and '"token"' not in page
    assert preview_client.post("/__hallbuilder/hotspot", json=MOVE).status_code in (404, 405)


def embedded_tour(client, remote: str) -> dict:
    page = client.get("/", environ_base={"REMOTE_ADDR": remote}).get_data(as_text=True)
    return json.loads(re.search(r'id="hb-tour">(.*?)</script>', page).group(1))


@pytest.mark.parametrize("remote", ["192.168.1.20", "10.0.0.7"])
def test_staff_tools_are_offered_only_to_this_computer(edit_client, remote):
    client, _, edit = edit_client
    assert edit["token"]  # the page asked for from 127.0.0.1 (edit_client's own request)
    assert "edit" not in embedded_tour(client, remote)
    tour = client.get("/tour.json", environ_base={"REMOTE_ADDR": remote}).get_json()
    assert "edit" not in tour
    assert (
        client.get("/tour.json", environ_base={"REMOTE_ADDR": "::1"}).get_json()["edit"]["token"]
        == edit["token"]
    )


def test_a_preview_without_its_project_still_offers_the_edit_mode_locally(dist, sqlite_url):
    from .conftest import register

    register(sqlite_url, make_tour())
    app = create_app(make_settings(sqlite_url))
    preview.register(app, dist, None)
    client = app.test_client()
    assert embedded_tour(client, "127.0.0.1")["edit"] == {}
    assert "edit" not in embedded_tour(client, "192.168.1.20")
