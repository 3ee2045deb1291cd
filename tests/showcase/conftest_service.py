"""The hall service with branch self-service for tests: accounts of each kind, logged-in sessions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SECRET = "showcase-test-secret"
BROWSER_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile MicroMessenger"
)
PASSWORD = "correct horse battery"
USERS = {  # username -> (role, hall, branch)
    "organiser": ("organiser", None, None),
    "north": ("branch", "demo-hall", "north"),
    "south": ("branch", "demo-hall", "south"),
    "other-north": ("branch", "other-hall", "north"),
}


def small_tour(hall_id: str) -> dict:
    return {
        "hall": {"id": hall_id, "title": {"zh-CN": hall_id}, "languages": ["zh-CN"], "start": "lobby"},
        "scenes": [{"id": "lobby", "title": {"zh-CN": "大厅"}}],
        "showcases": [
            {"id": "north", "name": {"zh-CN": "北支部"}},
            {"id": "south", "name": {"zh-CN": "南支部"}},
        ],
    }


@pytest.fixture(scope="session")
def migrated_template(migrated_sqlite) -> Path:
    return migrated_sqlite


def fill(database) -> None:
    from hallbuilder.service.admin.auth import hash_password
    from hallbuilder.service.store import halls, users
    from hallbuilder.service.tourfile import hall_from_tour

    with database.write() as connection:
        for hall_id in ("demo-hall", "other-hall"):
            halls.register(connection, hall_from_tour(small_tour(hall_id), "tour.json"))
        for name, (role, hall, branch) in USERS.items():
            users.add(connection, name, hash_password(PASSWORD), role, hall, branch)


@pytest.fixture
def service_app(tmp_path, migrated_template):
    from hallbuilder.service.app import create_app
    from hallbuilder.service.config import Limits, Settings

    path = tmp_path / "service.sqlite3"
    shutil.copyfile(migrated_template, path)
    settings = Settings(
        database_url=f"sqlite:///{path}",
        secret_key=SECRET,
        secure_cookies=False,
        limits=Limits(logins_per_15_minutes=100),
    )
    app = create_app(settings)
    app.config["TESTING"] = True
    fill(app.extensions["hallbuilder"].database)
    yield app
    app.extensions["hallbuilder"].database.dispose()


class Session:
    """A logged-in browser session: get/post with the session's CSRF token added to every form."""

    def __init__(self, app, username: str, address: str) -> None:
        self.client = app.test_client()
        self.client.environ_base.update({"HTTP_USER_AGENT": BROWSER_UA, "REMOTE_ADDR": address})
        self.username = username
        page = self.client.get("/admin/login").get_data(as_text=True)
        response = self.client.post(
            "/admin/login",
            data={"username": username, "password": PASSWORD, "csrf_token": self._token(page)},
        )
        assert response.status_code == 302, response.get_data(as_text=True)
        self.csrf = self._token(self.client.get("/admin/login").get_data(as_text=True))

    @staticmethod
    def _token(page: str) -> str:
        import re

        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def get(self, path: str, **kwargs):
        return self.client.get(path, **kwargs)

    def post(self, path: str, data: dict | None = None, **kwargs):
        return self.client.post(path, data={"csrf_token": self.csrf, **(data or {})}, **kwargs)


@pytest.fixture
def login(service_app):
    counter = iter(range(10, 250))
    return lambda username: Session(service_app, username, f"198.51.100.{next(counter)}")
