"""Branch showcases in tour.json (`showcases/<branch>/showcase.yaml`). Filled in by the showcase feature."""

from __future__ import annotations

from hallbuilder.build.media import MediaStore
from hallbuilder.config import HallConfig


def collect_showcases(config: HallConfig, media: MediaStore) -> list[dict]:
    """Every branch showcase of the project, as tour.json entries (at least id and name)."""
    return []
