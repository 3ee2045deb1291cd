"""The studio page in a browser test: open it, wait for saves, read what it shows."""

from __future__ import annotations

import json
from pathlib import Path


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
