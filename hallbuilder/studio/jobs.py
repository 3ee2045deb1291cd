"""Tiling in the background: each scene's photo goes into the project's cache (.hallbuilder-cache), the very
entries `hallbuilder build` reuses, while the page stays usable.

One worker thread (the machine also builds previews); each job reports its progress. A scene's status is
"ready" when its photo's entry is in the cache, "tiling" while a job runs, "failed" with the reason, or
"missing" when its photo is not there (check's message says why).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hallbuilder.errors import HallError

log = logging.getLogger("hallbuilder.studio")


@dataclass
class Job:
    scene: str
    photo: str | list[str]
    digest: str
    state: str = "tiling"  # tiling → ready | failed
    progress: float = 0.0
    message: str | None = None

    def json(self) -> dict[str, Any]:
        return {
            "scene": self.scene,
            "state": self.state,
            "progress": round(self.progress, 3),
            "message": self.message,
        }


def settings_of(project: Path):
    """The tiling settings hall.yaml asks for (`build.tile_size`, `build.quality`), which key the cache.

    TileSettings' defaults are the schema's (512, 82); a value the schema would refuse counts as not given.
    """
    from hallbuilder.config.load import CONFIG_NAME
    from hallbuilder.imaging import TileSettings
    from hallbuilder.studio.project import quick_document

    build = quick_document((project / CONFIG_NAME).read_text("utf-8")).get("build")
    given = build if isinstance(build, dict) else {}
    limits = {"tile_size": (512, 1024), "quality": (50, 95)}
    chosen = {
        key: value
        for key, (low, high) in limits.items()
        if isinstance(value := given.get(key), int) and not isinstance(value, bool) and low <= value <= high
    }
    return TileSettings(**chosen)


class PhotoDigests:
    """Each photo's cache key, hashed again only when the file (or a face) changed."""

    def __init__(self) -> None:
        self._known: dict[tuple, str] = {}
        self._lock = threading.Lock()

    def digest(self, project: Path, photo: str | list[str], settings) -> str:
        from hallbuilder.builder.panoramas import photo_source
        from hallbuilder.imaging import panorama_hash

        source = photo_source(project, photo)
        files = list(getattr(source, "files", None) or [source])
        root = project.resolve()
        if not all(Path(file).resolve().is_relative_to(root) for file in files):
            raise ValueError("the photo is outside the project folder")  # the loader says so to staff
        key = (settings.key(), *((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))
        with self._lock:
            if key not in self._known:
                self._known[key] = panorama_hash(source, settings)
            return self._known[key]


class TilingJobs:
    def __init__(
        self, project: Path, done: Callable[[str], None] = lambda _: None, auto: bool = True
    ) -> None:
        self.project = project
        self.auto = auto  # start tiling a photo not in the cache as soon as its status is asked
        self.done = done  # told the scene id when its tiles are ready (the preview is made again)
        self.jobs: dict[str, Job] = {}
        self.digests = PhotoDigests()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="studio-tiling")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def listing(self) -> list[dict[str, Any]]:
        with self._lock:
            return [job.json() for job in self.jobs.values()]

    def status(self, scene: dict[str, Any], settings) -> dict[str, Any]:
        """The page's `status` of one scene of hall.yaml; starts tiling a photo that is not in the cache."""
        from hallbuilder.builder.cache import CACHE_NAME, is_cached

        scene_id, photo = str(scene.get("id")), scene.get("photo")
        try:
            digest = self.digests.digest(self.project, photo, settings)  # type: ignore[arg-type]
        except (OSError, HallError, TypeError, ValueError):
            return {"tiles": "missing", "progress": 0, "message": None, "thumb": None}
        thumb = f"/api/scenes/{scene_id}/thumb?v={digest[:12]}"
        if is_cached(self.project / CACHE_NAME, digest):
            return {"tiles": "ready", "progress": 1, "message": None, "thumb": thumb}
        if not self.auto and scene_id not in self.jobs:
            return {"tiles": "missing", "progress": 0, "message": None, "thumb": None}
        job = self.start(scene_id, photo, digest, settings)  # type: ignore[arg-type]
        return {"tiles": job.state, "progress": job.progress, "message": job.message, "thumb": None}

    def tile(self, scene_id: str, photo: str | list[str]) -> Job:
        """Start tiling a photo just accepted, before its scene is even saved: every second counts."""
        settings = settings_of(self.project)
        return self.start(scene_id, photo, self.digests.digest(self.project, photo, settings), settings)

    def forget(self, scene_id: str) -> None:
        with self._lock:
            self.jobs.pop(scene_id, None)

    def start(self, scene_id: str, photo: str | list[str], digest: str, settings) -> Job:
        """A job tiling `photo` for `scene_id`, started unless one for the same photo runs or failed."""
        with self._lock:
            job = self.jobs.get(scene_id)
            if job is not None and job.digest == digest and job.state in ("tiling", "failed"):
                return job
            job = self.jobs[scene_id] = Job(scene_id, photo, digest)
        self._pool.submit(self._run, job, settings)
        return job

    def _run(self, job: Job, settings) -> None:
        from hallbuilder.builder.cache import CACHE_NAME
        from hallbuilder.builder.panoramas import photo_source, photo_width, prepare_panorama, tiles_to_make

        try:
            source = photo_source(self.project, job.photo)
            total = max(1, tiles_to_make(photo_width(source), settings))
            made = 0

            def advance(tiles: int) -> None:
                nonlocal made
                made += tiles
                job.progress = min(0.99, made / total)

            view = {"yaw": 0.0, "pitch": 0.0, "fov": 75.0}
            prepare_panorama(source, view, settings, self.project / CACHE_NAME, advance, job.digest)
        except HallError as error:
            job.state, job.message = "failed", "; ".join(error.lines())
            return
        except Exception as error:  # a bug: said in one line, the studio keeps running
            log.exception("tiling %s failed", job.scene)
            job.state, job.message = "failed", f"{type(error).__name__}: {error}"
            return
        job.state, job.progress = "ready", 1.0
        self.done(job.scene)

    def statuses(self, scenes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        settings = settings_of(self.project)
        return {
            str(scene.get("id")): self.status(scene, settings) for scene in scenes if isinstance(scene, dict)
        }
