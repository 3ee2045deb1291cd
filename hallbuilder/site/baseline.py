"""A page showing one equirectangular photo in PSV's default adapter: the orientation reference for the
browser tests and the "single image" baseline of the viewer benchmark. Never part of a built tour."""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

from hallbuilder.site.bundle import VIEWER_FOLDER, load_bundle

BASELINE_PAGE = "baseline.html"


def write_baseline_page(folder: Path) -> str:
    """Write baseline.html (and the chunks it needs) into `folder`; open it as baseline.html#pano=<url>."""
    bundle = load_bundle()
    data = bundle.baseline
    target = folder / VIEWER_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for name in [*data["files"], data["css"]]:
        for suffix in ("", ".br", ".gz"):
            source = bundle.folder / f"{name}{suffix}"
            if source.is_file():
                shutil.copyfile(source, target / source.name)
    page = (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n<title>baseline</title>\n'
        f'<link rel="stylesheet" href="{escape(VIEWER_FOLDER + "/" + data["css"])}">\n'
        f'<script type="module" src="{escape(VIEWER_FOLDER + "/" + data["entry"])}"></script>\n'
        "</head>\n<body>\n"
        '<div id="baseline" style="position:fixed;inset:0"></div>\n'
        "</body>\n</html>\n"
    )
    (folder / BASELINE_PAGE).write_text(page, "utf-8")
    return BASELINE_PAGE
