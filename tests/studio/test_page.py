"""The studio page: the `studio` entry that web/build.mjs writes into web_dist/manifest.json, and its assets."""

from __future__ import annotations

import json

from hallbuilder.studio import page


def test_the_page_loads_the_studio_bundle_named_in_the_manifest(client, tmp_path, monkeypatch):
    (tmp_path / "studio-AB12CD34.js").write_text("console.log('studio')", "utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps(
            {"entry": "app-X.js", "studio": {"entry": "studio-AB12CD34.js", "css": "studio-AB12CD34.css"}}
        ),
        "utf-8",
    )
    monkeypatch.setattr(page, "WEB_DIST", tmp_path)
    html = client.get("/").get_data(as_text=True)
    assert '<script type="module" src="/assets/studio-AB12CD34.js"></script>' in html
    assert '<link rel="stylesheet" href="/assets/studio-AB12CD34.css">' in html
    assert client.get("/assets/studio-AB12CD34.js").get_data(as_text=True) == "console.log('studio')"
    assert client.get("/assets/../manifest.json").status_code == 404
    assert client.get("/preview/../../hall.yaml").status_code == 404


def test_json_keeps_hall_yamls_order(client):
    raw = client.get("/api/project").get_data(as_text=True)
    assert raw.index('"zh-CN"') < raw.index('"en"') and raw.index('"version"') < raw.index('"hall"')
