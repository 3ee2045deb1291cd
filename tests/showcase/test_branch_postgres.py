"""Branch self-service on PostgreSQL: photos in BYTEA, scoped queries, the approval flow end to end."""

from __future__ import annotations

import io

import pytest
from conftest_service import Session, fill
from photo_bytes import jpeg
from PIL import Image


@pytest.fixture(scope="module")
def postgres_url(migrated_postgres) -> str:
    return migrated_postgres("hb_showcase")


@pytest.mark.postgres
def test_the_approval_flow_on_postgresql(postgres_url):
    from hallbuilder.service.app import create_app
    from hallbuilder.service.config import Limits, Settings

    settings = Settings(
        database_url=postgres_url,
        secret_key="pg",
        secure_cookies=False,
        limits=Limits(logins_per_15_minutes=100),
    )
    app = create_app(settings)
    fill(app.extensions["hallbuilder"].database)
    try:
        north, south, organiser = (
            Session(app, name, f"192.0.2.{i}") for i, name in enumerate(("north", "south", "organiser"), 1)
        )
        photo = jpeg(size=(300, 200))
        sent = north.post(
            "/admin/showcases/demo-hall/north/",
            {"title": "志愿服务", "date": "2026-09-01", "photos": [(io.BytesIO(photo), "a.jpg")]},
            content_type="multipart/form-data",
        )
        assert sent.status_code == 302
        assert south.get("/admin/showcases/demo-hall/north/").status_code == 403
        page = organiser.get("/admin/showcases/queue").get_data(as_text=True)
        ident = int(page.split('data-achievement="')[1].split('"')[0])
        assert (
            organiser.post(
                f"/admin/showcases/demo-hall/north/{ident}/review", {"decision": "approved"}
            ).status_code
            == 302
        )
        exported = north.get("/api/halls/demo-hall/showcases/approved").get_json()["branches"]["north"]
        [achievement] = exported["achievements"]
        data = north.get(f"/api/halls/demo-hall/{achievement['photos'][0]}").data
        assert Image.open(io.BytesIO(data)).size == (300, 200)
    finally:
        app.extensions["hallbuilder"].database.dispose()
