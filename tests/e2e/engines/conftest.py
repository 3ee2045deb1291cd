"""The sample hall served with the real comment service (as `hallbuilder serve` does), one X display per test
process, and one browser of each engine per test."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_display import virtual_display
from engine_drivers import Chromium, Engine, Firefox, WebKit

HALL = "sample-hall"


def quiet_requests():
    """werkzeug's request handler without its access log (failures are read from the browser)."""
    from werkzeug.serving import WSGIRequestHandler

    class QuietRequests(WSGIRequestHandler):
        def log_request(self, *args: object) -> None:
            pass

    return QuietRequests


@pytest.fixture
def served_hall(sample_dist: Path, migrated_sqlite: Path, tmp_path: Path) -> Iterator[str]:
    """The built sample hall and the real service's /api from one origin, on a fresh SQLite database whose hall
    publishes comments at once (post-moderation), so a posted comment appears in the list."""
    from werkzeug.serving import make_server

    from hallbuilder.commands.service import register_tour
    from hallbuilder.service import preview
    from hallbuilder.service.app import create_app
    from hallbuilder.service.config import Settings
    from hallbuilder.service.store import halls
    from hallbuilder.service.store.db import Database

    path = tmp_path / "service.sqlite3"
    shutil.copyfile(migrated_sqlite, path)
    url = f"sqlite:///{path}"
    database = Database(url)
    register_tour(database, str(sample_dist / "tour.json"))
    with database.write() as connection:
        halls.set_moderation(connection, HALL, "post")
    database.dispose()
    app = create_app(Settings(database_url=url, secure_cookies=False))
    preview.register(app, sample_dist)
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=quiet_requests())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """A private Xvfb display: WebKitGTK and Firefox draw WebGL (Mesa's llvmpipe) in a real window on it."""
    with virtual_display() as name:
        yield name


@pytest.fixture(params=["chromium", "webkit", "firefox"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A fresh browser of one engine, closed after the test."""
    if request.param == "chromium":
        opened: Engine = Chromium(request.getfixturevalue("browser"))
    elif request.param == "webkit":
        opened = WebKit(request.getfixturevalue("display"))
    else:
        opened = Firefox(request.getfixturevalue("display"))
    with opened:
        yield opened
