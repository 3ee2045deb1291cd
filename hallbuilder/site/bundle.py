"""The viewer bundle (`hallbuilder/web_dist/`, made by `cd web && npm run build`) and copying it into dist/."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from hallbuilder.errors import BuildError

BUNDLE_DIR = Path(__file__).resolve().parent.parent / "web_dist"
VIEWER_FOLDER = "viewer"
FIX = "build it with `make setup` (or: cd web && npm ci && npm run build)"


@dataclass(frozen=True)
class Bundle:
    """What index.html links: the entry script, the stylesheet and the chunks worth preloading (the entry's
    own imports, and the viewer chunk with its imports, which a dynamic import would fetch one after another)."""

    folder: Path
    entry: str
    css: str
    preload: list[str]
    viewer: list[str]
    files: list[str]
    baseline: dict


def load_bundle(folder: Path = BUNDLE_DIR) -> Bundle:
    """Read the bundle's manifest.json; a missing or partial bundle is a BuildError naming the fix."""
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        raise BuildError(f"the viewer bundle is missing: no {manifest}; {FIX}")
    try:
        data = json.loads(manifest.read_text("utf-8"))
        bundle = Bundle(
            folder,
            data["entry"],
            data["css"],
            list(data["preload"]),
            list(data["viewer"]),
            list(data["files"]),
            data["baseline"],
        )
    except (ValueError, KeyError, TypeError) as error:
        raise BuildError(
            f"the viewer bundle is damaged: {manifest} cannot be read ({error}); {FIX}"
        ) from None
    missing = [name for name in bundle.files if not (folder / name).is_file()]
    if missing:
        raise BuildError(f"the viewer bundle is incomplete: {folder / missing[0]} is missing; {FIX}")
    return bundle


def copy_bundle(bundle: Bundle, dist_dir: Path) -> None:
    """Copy the bundle (with its .br and .gz siblings) into dist/viewer/."""
    target = dist_dir / VIEWER_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for name in bundle.files:
        for suffix in ("", ".br", ".gz"):
            source = bundle.folder / f"{name}{suffix}"
            if source.is_file():
                shutil.copyfile(source, target / source.name)
