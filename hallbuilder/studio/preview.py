"""The live preview: after every save, the real build of hall.yaml into `.hallbuilder-studio/preview/`.

Tiles come from the cache, so a text edit costs no tiling. A scene whose photo is still being tiled is left
out (with every link to it) until its tiles are ready; then the preview is made again. One builder thread
makes the newest state only: saves that come while it builds are folded into its next run.
"""

from __future__ import annotations

import hashlib
import io
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hallbuilder.config.edit import round_trip_parser
from hallbuilder.config.load import CONFIG_NAME
from hallbuilder.errors import HallError
from hallbuilder.studio.project import quick_document
from hallbuilder.studio.scenes import delete_scene, scene_list

log = logging.getLogger("hallbuilder.studio")
PREVIEW_CONFIG = ".hallbuilder-studio-preview.yaml"  # beside hall.yaml: its paths stay as they are


def preview_text(text: str, ready: Callable[[list[dict[str, Any]]], set[str]]) -> tuple[str, list[str]]:
    """hall.yaml's text without the scenes that are not tiled yet: (text, the scenes left out).

    `service` goes too: staff trying the preview must not send views or comments to the real hall service.
    The scene list is read with the fast parser; the round-trip one only when something must be taken out.
    """
    quick = quick_document(text)
    scenes = [scene for scene in scene_list(quick) if isinstance(scene, dict)]
    tiled = ready(scenes)
    left_out = [str(scene.get("id")) for scene in scenes if str(scene.get("id")) not in tiled]
    if not left_out and "service" not in quick:
        return text, []
    parser = round_trip_parser(text)
    document = parser.load(text)
    document.pop("service", None)
    for scene_id in left_out:
        delete_scene(document, scene_id)
    buffer = io.StringIO()
    parser.dump(document, buffer)
    return buffer.getvalue(), left_out


class Preview:
    def __init__(
        self, project: Path, ready: Callable[[list[dict[str, Any]]], set[str]], auto: bool = True
    ) -> None:
        self.project = project
        self.dist = project / ".hallbuilder-studio" / "preview"
        self.ready = ready  # scenes (hall.yaml's values) → the ids whose tiles are in the cache
        self.state, self.version, self.message = "building", "", None
        self.left_out: list[str] = []
        self._built_from = ""
        self._wanted = threading.Event()
        self._stopped = False
        if auto:  # else `build()` is called by whoever wants a preview (tests, the benchmark)
            threading.Thread(target=self._loop, name="studio-preview", daemon=True).start()
            self.refresh()

    def refresh(self) -> None:
        """Make the preview again soon (after a save, or when a scene's tiles became ready)."""
        self._wanted.set()

    def close(self) -> None:
        self._stopped = True
        self._wanted.set()

    def json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "state": self.state,
            "message": self.message,
            "left_out": self.left_out,
        }

    def _loop(self) -> None:
        while True:
            self._wanted.wait()
            if self._stopped:
                return
            self._wanted.clear()
            try:
                self.build()
            except Exception as error:  # a bug: said in one line, the studio keeps running
                log.exception("preview build failed")
                self.state, self.message = "failed", f"{type(error).__name__}: {error}"

    def build(self) -> None:
        """Build the preview of hall.yaml as it is now, unless that exact preview is there already."""
        from hallbuilder.builder import build_hall

        text = (self.project / CONFIG_NAME).read_text("utf-8")
        try:
            wanted, left_out = preview_text(text, self.ready)
        except Exception as error:  # not readable YAML: `problems` of /api/project says where
            self.state, self.message = "failed", str(error).splitlines()[0]
            return
        key = hashlib.sha256(wanted.encode("utf-8")).hexdigest()[:16]
        if key == self._built_from and self.state == "ready":
            return
        if not self._has_scenes(wanted):  # every scene is still being tiled
            self.state, self.message, self.left_out = "building", None, left_out
            return
        self.state = "building"
        config = self.project / PREVIEW_CONFIG
        config.write_text(wanted, "utf-8")
        try:
            build_hall(config, self.dist, prune=False)
        except HallError as error:
            self.state, self.message = "failed", "\n".join(error.lines())
            return
        finally:
            config.unlink(missing_ok=True)
        self.state, self.message, self.left_out = "ready", None, left_out
        self._built_from, self.version = key, key

    @staticmethod
    def _has_scenes(text: str) -> bool:
        scenes = quick_document(text).get("scenes")
        return isinstance(scenes, list) and len(scenes) > 0
