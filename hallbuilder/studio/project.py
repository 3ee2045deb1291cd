"""Reading the project as the page needs it: hall.yaml's own values, its version, and what `check` says.

`version` is the sha256 of hall.yaml's bytes: any change, by the studio or an editor, gives a new one.
The page polls it (`/api/version`); hashing happens only when the file's mtime or size moved.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hallbuilder.config.load import CONFIG_NAME
from hallbuilder.config.source import new_parser, to_plain
from hallbuilder.errors import HallError
from hallbuilder.studio.problems import problems_json


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class VersionWatch:
    """hall.yaml's version, hashed again only when its mtime or size changed."""

    def __init__(self, config_path: Path) -> None:
        self.config_path = config_path
        self._seen: tuple[int, int] | None = None
        self._version = ""
        self._lock = threading.Lock()

    def version(self) -> str:
        stat = self.config_path.stat()
        with self._lock:
            if self._seen != (stat.st_mtime_ns, stat.st_size):
                self._version = digest(self.config_path.read_bytes())
                self._seen = (stat.st_mtime_ns, stat.st_size)
            return self._version


def quick_document(text: str) -> dict[str, Any]:
    """hall.yaml's values read by libyaml's C parser ({} when not readable): ~100× faster than ruamel's
    round-trip parser, for what needs only the scene list and build settings (the preview, tiling status).
    It reads YAML 1.1 (`yes` is true), so nothing it reads is written back or shown."""
    import yaml

    try:
        document = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    return document if isinstance(document, dict) else {}


def plain_document(text: str) -> dict[str, Any] | None:
    """hall.yaml's own values as JSON (dates stay text), or None when it is not readable YAML."""
    try:
        document = new_parser().load(text)
    except Exception:  # a syntax error: `problems` says where and how to fix it
        return None
    return to_plain(document) if isinstance(document, dict) else None


def check_problems(project_dir: Path) -> list[str]:
    """What `hallbuilder check` says now about hall.yaml, the showcases and the photos' headers."""
    from hallbuilder.builder import check_photos
    from hallbuilder.config import load_project

    try:
        config, _ = load_project(project_dir)
        check_photos(config)
    except HallError as error:
        return error.lines()
    return []


Statuses = Callable[[list[dict[str, Any]]], dict[str, dict[str, Any]]]


def read_project(project_dir: Path, statuses_of: Statuses) -> dict[str, Any]:
    """`GET /api/project`: version, hall, zones, scenes (each with its tiles' status) and problems."""
    data = (project_dir / CONFIG_NAME).read_bytes()
    document = plain_document(data.decode("utf-8", errors="replace")) or {}
    scenes = document.get("scenes") if isinstance(document.get("scenes"), list) else []
    statuses = statuses_of(scenes)
    return {
        "version": digest(data),
        "hall": document.get("hall") if isinstance(document.get("hall"), dict) else {},
        "zones": document.get("zones") if isinstance(document.get("zones"), list) else [],
        "scenes": [
            {**scene, "status": statuses.get(str(scene.get("id")), MISSING)}
            for scene in scenes
            if isinstance(scene, dict)
        ],
        "floorplan": document.get("floorplan"),
        "problems": problems_json(check_problems(project_dir)),
    }


MISSING = {"tiles": "missing", "progress": 0, "message": None, "thumb": None}
