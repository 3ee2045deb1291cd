"""A copy of a built sample hall with its tour.json changed (a plain module: tests import it by name, and
every folder of tests has a conftest of its own)."""

from __future__ import annotations

from pathlib import Path


def variant(sample_dist: Path, folder: Path, change) -> Path:
    """A copy of the sample hall's dist with tour.json changed by `change(tour)` and its page rewritten."""
    import json
    import shutil

    from hallbuilder.site import write_site

    dist = Path(shutil.copytree(sample_dist, folder / "dist", symlinks=True))
    tour = json.loads((dist / "tour.json").read_text("utf-8"))
    change(tour)
    (dist / "tour.json").write_text(json.dumps(tour, ensure_ascii=False), "utf-8")
    write_site(dist, tour)
    return dist
