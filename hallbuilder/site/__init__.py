"""The page the build ships: dist/index.html (title, cover, inlined preview, tour data) and the viewer bundle.

`write_site` is called by the build after tour.json is written; everything it links is relative to dist/.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from hallbuilder.site.bundle import copy_bundle, load_bundle
from hallbuilder.site.listen import write_listen_pages
from hallbuilder.site.page import render_page

__all__ = ["write_site"]


def write_site(dist_dir: Path, tour: dict) -> None:
    """Copy the viewer bundle into dist/viewer/, write dist/index.html (plus .gz) and the scan-to-listen pages."""
    dist_dir = Path(dist_dir)
    bundle = load_bundle()
    copy_bundle(bundle, dist_dir)
    page = render_page(tour, bundle, dist_dir).encode("utf-8")
    (dist_dir / "index.html").write_bytes(page)
    (dist_dir / "index.html.gz").write_bytes(gzip.compress(page, 9, mtime=0))
    write_listen_pages(dist_dir, tour)
