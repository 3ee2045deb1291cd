"""Studio fixtures: the app for a fresh `hallbuilder new` project, and a client that sends the run's token."""

from __future__ import annotations

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
