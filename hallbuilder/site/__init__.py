"""The page the build ships: dist/index.html (title, cover, inlined preview, tour data) and the viewer bundle.

`write_site` is called by the build after tour.json is written; everything it links is relative to dist/.
"""

from __future__ import annotations

from pathlib import Path

from hallbuilder.site.bundle import copy_bundle, load_bundle
from hallbuilder.site.compress import precompress_site
from hallbuilder.site.listen import write_listen_pages
from hallbuilder.site.page import render_page

__all__ = ["write_site"]


def write_site(dist_dir: Path, tour: dict) -> None:
    """Copy the viewer bundle into dist/viewer/, write dist/index.html and the scan-to-listen pages, and the .br and
    .gz siblings of those and of tour.json."""
    dist_dir = Path(dist_dir)
    bundle = load_bundle()
    copy_bundle(bundle, dist_dir)
    page = render_page(tour, bundle, dist_dir).encode("utf-8")
    (dist_dir / "index.html").write_bytes(page)
    write_listen_pages(dist_dir, tour)
    precompress_site(dist_dir)
