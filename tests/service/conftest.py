"""Service fixtures: a hand-written tour.json, and an app over SQLite and over PostgreSQL.

Each PostgreSQL test session (one per xdist worker) creates its own database and drops it at the end;
tables are emptied before each test. Each SQLite test gets a fresh file copied from a migrated template.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from hallbuilder.service.admin.auth import hash_password
from hallbuilder.service.app import create_app
from hallbuilder.service.config import Limits, Settings
from hallbuilder.service.store import halls, users
from hallbuilder.service.store.db import Database
from hallbuilder.service.store.tables import metadata
from hallbuilder.service.tourfile import hall_from_tour

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
BROWSER_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile MicroMessenger"
)
SECRET = "test-secret-key"


def scene(scene_id: str, title: str, hotspots: list | None = None) -> dict:
    return {
        "id": scene_id,
        "title": {"zh-CN": title, "en": title},
        "zone": None,
        "view": {"yaw": 0, "pitch": 0, "fov": 90},
        "north": 0,
        "narration": {},
        "hotspots": hotspots or [],
        "panorama": {
            "hash": "0123abcd",
            "levels": [{"faceSize": 512, "nbTiles": 1}],
            "tileSize": 512,
            "tiles": f"scenes/{scene_id}/0123abcd/{{level}}/{{face}}_{{row}}_{{col}}.jpg",
            "base": f"scenes/{scene_id}/0123abcd/base.jpg",
            "thumb": f"scenes/{scene_id}/0123abcd/thumb.jpg",
            "preview": {"src": f"scenes/{scene_id}/0123abcd/preview.jpg", "yaw": 0, "pitch": 0, "fov": 90},
        },
    }


def make_tour(hall_id: str = "demo-hall") -> dict:
    """A small tour.json valid against hallbuilder/builder/tour.schema.json (checked in test_tourfile)."""
    showcase_spot = {"id": "s1", "type": "showcase", "yaw": 10, "pitch": 0, "branch": "south-branch"}
    link = {"id": "l1", "type": "link", "yaw": 0, "pitch": 0, "target": "hall-a"}
    return {
        "format": 1,
        "generator": "tests",
        "hall": {
            "id": hall_id,
            "title": {"zh-CN": "示范展厅", "en": "Demo hall"},
            "languages": ["zh-CN", "en"],
            "start": "lobby",
        },
        "zones": [],
        "scenes": [scene("lobby", "大厅", [link, showcase_spot]), scene("hall-a", "A 厅")],
        "floorplan": None,
        "announcements": [],
        "service": {"url": "https://api.example.org/api"},
        "showcases": [{"id": "north-branch", "name": {"zh-CN": "北分行", "en": "North branch"}}],
    }


@pytest.fixture(autouse=True)
def cheap_passwords(cheap_password_hashing) -> None:
    """Every test here: tests/conftest.py:cheap_password_hashing."""


@pytest.fixture
def tour() -> dict:
    return make_tour()


def make_settings(url: str, **changes) -> Settings:
    limits = Limits(
        comments_per_hour=20, hall_comments_per_minute=100, messages_per_hour=5, logins_per_15_minutes=5
    )
    return Settings(database_url=url, secret_key=SECRET, secure_cookies=False, limits=limits).but(**changes)


@pytest.fixture(scope="session")
def sqlite_template(migrated_sqlite) -> Path:
    return migrated_sqlite


@pytest.fixture(scope="session")
def postgres_url(migrated_postgres) -> str:
    return migrated_postgres("hb_service")


def empty_postgres(url: str) -> None:
    database = Database(url)
    with database.write() as connection:  # DELETE is much faster than TRUNCATE on tiny tables
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> str:
    """A migrated, empty database of each backend."""
    if request.param == "sqlite":
        path = tmp_path / "service.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgres_url")
    empty_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path, sqlite_template) -> str:
    path = tmp_path / "service.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


def register(url: str, tour: dict) -> None:
    database = Database(url)
    with database.write() as connection:
        halls.register(connection, hall_from_tour(tour, "tour.json"))
    database.dispose()


@pytest.fixture
def settings(database_url) -> Settings:
    return make_settings(database_url)


@pytest.fixture
def app(settings, tour):
    register(settings.database_url, tour)
    app = create_app(settings)
    app.config["TESTING"] = True
    yield app
    app.extensions["hallbuilder"].close()


@pytest.fixture
def client(app):
    client = app.test_client()
    client.environ_base.update({"HTTP_USER_AGENT": BROWSER_UA, "REMOTE_ADDR": "203.0.113.7"})
    return client


@pytest.fixture
def database(app) -> Database:
    return app.extensions["hallbuilder"].database


# Organiser accounts and logins for the admin pages (test_admin, test_xss)
PASSWORD = "correct horse battery"


def add_user(database, username="organiser", role="organiser", **scope):
    with database.write() as connection:
        return users.add(connection, username, hash_password(PASSWORD), role, **scope)


def csrf(client, path="/admin/login") -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def log_in(client, username="organiser", password=PASSWORD):
    return client.post(
        "/admin/login", data={"csrf_token": csrf(client), "username": username, "password": password}
    )


@pytest.fixture
def admin(client, database):
    add_user(database)
    assert log_in(client).status_code == 302
    return client
