"""The studio page in a browser test: open it, wait for saves, read what it shows."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def key(*path: object) -> str:
    """The CSS selector of the field that writes `path` in hall.yaml (its data-key)."""
    text = json.dumps(list(path), ensure_ascii=False, separators=(",", ":"))
    return f"[data-key='{text}']"


class StudioPage:
    def __init__(self, page, address: str, project: Path) -> None:
        self.page = page
        self.address = address
        self.project = project
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    @property
    def base(self) -> str:
        return self.address.split("?")[0]

    def open(self) -> StudioPage:
        """Opens the token address (the studio sets its cookie and drops the token) and waits for the project."""
        self.page.goto(self.address)
        self.page.wait_for_function("() => window.hallbuilderStudio?.store.project")
        return self

    def settled(self) -> None:
        """Waits until no save is in flight (generously: on a busy machine the studio tiles and previews too)."""
        self.page.wait_for_function("() => window.hallbuilderStudio.store.busy === 0", timeout=120000)

    def fill(self, selector: str, text: str) -> None:
        """Types into a field and leaves it (which saves it), then waits for the save."""
        field = self.page.locator(selector)
        field.fill(text)
        field.press("Tab")
        self.settled()

    def project_json(self) -> dict:
        return self.page.evaluate("window.hallbuilderStudio.store.project")

    def scene_ids(self) -> list[str]:
        return [scene["id"] for scene in self.project_json()["scenes"]]

    def select_scene(self, scene_id: str) -> None:
        self.page.click(f".st-scene-pick{key('pick', scene_id)}")
        self.page.wait_for_selector(f".st-scene-row--selected[data-scene='{scene_id}']")

    def tab(self, name: str) -> None:
        self.page.click(f"#st-tab-{name}")

    def wait_panorama(self) -> None:
        """Waits until the selected scene's panorama (from the preview's tiles) is on screen."""
        self.page.wait_for_function("() => window.hallbuilderStudio.editor.hasPanorama()", timeout=120000)
        self.page.wait_for_selector("#st-use-view:not([disabled])")


@contextmanager
def run_studio(project: Path) -> Iterator[str]:
    """Runs `hallbuilder studio PROJECT --port 0 --no-browser`; yields the printed address with its token."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "hallbuilder.cli", "studio", str(project), "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    printed = []
    try:
        for line in process.stdout:
            printed.append(line)
            found = re.search(r"Studio: (http://\S+\?token=\S+)", line)
            if found:
                # Keep reading what it prints (a request log line each): a full pipe would stop the studio.
                threading.Thread(target=drain, args=(process.stdout, printed), daemon=True).start()
                yield found.group(1)
                break
        else:
            pytest.fail("hallbuilder studio did not print its address:\n" + "".join(printed))
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def drain(stream, lines: list[str]) -> None:
    """Reads the studio's output to the end, keeping the last lines for a failure's report."""
    for line in stream:
        lines.append(line)
        del lines[:-200]


def save_screenshot(page, path: Path) -> None:
    """A screenshot for docs/studio.md, kept small: 256 colours are plenty for forms and a panorama."""
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(page.screenshot())).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
