"""The studio page is built with the viewer (`npm run build`) but listed apart: never copied into a tour."""

from __future__ import annotations

import json
from pathlib import Path

from hallbuilder.site.bundle import BUNDLE_DIR, copy_bundle, load_bundle


def test_the_studio_bundle_is_listed_apart_and_never_copied_into_a_tour(tmp_path: Path):
    manifest = json.loads((BUNDLE_DIR / "manifest.json").read_text("utf-8"))
    studio = manifest["studio"]
    assert studio["entry"].startswith("studio-") and studio["css"].startswith("studio-")
    assert all((BUNDLE_DIR / name).is_file() for name in studio["files"])
    copy_bundle(load_bundle(), tmp_path)
    copied = {path.name for path in (tmp_path / "viewer").iterdir()}
    studio_only = set(studio["files"]) - set(manifest["files"])
    assert {studio["entry"], studio["css"]} <= studio_only
    assert not studio_only & copied
    assert not [name for name in copied if name.startswith("studio-")]
