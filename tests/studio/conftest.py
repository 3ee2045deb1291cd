"""Studio fixtures: the app for a fresh `hallbuilder new` project, and a client that sends the run's token."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

TOKEN = "test-token-0123456789"


@pytest.fixture
def studio_app(hall: Path):
    """The studio without background work (no tiling, no preview builds): the API alone."""
    from hallbuilder.studio import create_app

    app = create_app(hall, TOKEN, background=False)
    yield app
    app.extensions["studio"].close()


@pytest.fixture
def client(studio_app):
    """A script's client: `Authorization: Bearer <token>`, Host 127.0.0.1 at the test server's port."""
    client = studio_app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {TOKEN}"
    return client


@pytest.fixture
def project(studio_app) -> Path:
    return studio_app.extensions["studio"].project


def version_of(client) -> str:
    return client.get("/api/version").get_json()["version"]


def wait_for(condition, seconds: float = 120.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"not true after {seconds} s")


@pytest.fixture
def live_client(hall: Path):
    """The studio with its background work on: tiling jobs and previews."""
    from hallbuilder.studio import create_app

    app = create_app(hall, TOKEN, max_upload_bytes=2 * 2**20)
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {TOKEN}"
    yield client
    app.extensions["studio"].close()
