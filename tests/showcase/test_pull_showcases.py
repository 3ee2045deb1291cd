"""`hallbuilder build --pull-showcases URL` against a real hall service on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date

import pytest
from click.testing import CliRunner
from photo_bytes import jpeg

from hallbuilder.builder import build_hall
from hallbuilder.cli import cli
from hallbuilder.errors import BuildError


@pytest.fixture
def served(service_app) -> Iterator[str]:
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, service_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/api"
    server.shutdown()
    thread.join(5)


def submit(service_app, branch: str, title: str, status: str, photos: int = 0) -> int:
    from hallbuilder.service.branches import store
    from hallbuilder.service.branches.photos import read_photo

    fields = {"title": title, "date": date(2026, 5, 4), "category": "服务", "text": "一段介绍。"}
    with service_app.extensions["hallbuilder"].database.write() as connection:
        ident = store.add(connection, "my-hall", branch, fields, branch)
        for index in range(photos):
            photo = read_photo("p.jpg", jpeg((index * 80, 100, 50)))
            store.add_photo(connection, ident, photo.mime, photo.width, photo.height, photo.data)
        if status != "pending":
            store.review(connection, "my-hall", branch, ident, status, "", "organiser")
    return ident


@pytest.fixture
def registered(hall, write_showcase, service_app):
    """The scaffold hall with a `north` showcase, built once and registered on the service."""
    from hallbuilder.service.store import halls
    from hallbuilder.service.tourfile import hall_from_tour

    write_showcase("north", "name: 北支部\nachievements:\n  - {title: 建馆, date: 2026-01-01}\n")
    build_hall(hall)
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    with service_app.extensions["hallbuilder"].database.write() as connection:
        halls.register(connection, hall_from_tour(tour, "tour.json"))
    return hall


def test_approved_achievements_and_photos_join_the_build(registered, service_app, served):
    online = submit(service_app, "north", "线上提交", "approved", photos=2)
    submit(service_app, "north", "还在审核", "pending", photos=1)
    submit(service_app, "north", "被退回", "rejected")
    submit(service_app, "south", "南支部成果", "approved")
    result = CliRunner().invoke(cli, ["build", str(registered), "--pull-showcases", served])
    assert result.exit_code == 0, result.output
    assert "Pulled 1 approved achievement(s) of 'north'" in result.output
    tour = json.loads((registered / "dist" / "tour.json").read_text("utf-8"))
    north, south = tour["showcases"]
    assert [item["title"]["zh-CN"] for item in north["achievements"]] == ["线上提交", "建馆"]
    pulled = north["achievements"][0]
    assert pulled["id"] == f"north-online-{online}"
    assert (pulled["date"], pulled["category"], pulled["text"]) == (
        "2026-05-04",
        {"zh-CN": "服务"},
        {"zh-CN": "一段介绍。"},
    )
    assert len(pulled["photos"]) == 2
    assert all((registered / "dist" / photo["src"]).is_file() for photo in pulled["photos"])
    assert south == {
        "id": "south",
        "name": {"zh-CN": "south"},
        "logo": None,
        "achievements": [south["achievements"][0]],
        "scenes": [],
    }
    assert south["achievements"][0]["title"] == {"zh-CN": "南支部成果"}


def test_a_build_without_the_option_ignores_the_service(registered, service_app):
    submit(service_app, "north", "线上提交", "approved")
    build_hall(registered)
    tour = json.loads((registered / "dist" / "tour.json").read_text("utf-8"))
    assert [item["title"]["zh-CN"] for item in tour["showcases"][0]["achievements"]] == ["建馆"]


def test_an_unregistered_hall_or_an_unreachable_service_says_what_to_check(hall, served):
    with pytest.raises(BuildError) as unknown:
        build_hall(hall, pull_showcases=served)
    assert unknown.value.message == (
        f"--pull-showcases {served}: {served}/halls/my-hall/showcases/approved answered HTTP 404; "
        "is the hall registered on that service?"
    )
    with pytest.raises(BuildError) as down:
        build_hall(hall, pull_showcases="http://127.0.0.1:9/api")
    assert down.value.message == (
        "--pull-showcases http://127.0.0.1:9/api: cannot reach the service ([Errno 111] Connection refused); "
        "check the address, e.g. https://example.org/api"
    )
