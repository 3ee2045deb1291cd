"""`hallbuilder studio` started from the CLI on a free port, and a Chromium page signed in with its token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from studio_page import StudioPage, run_studio

BUNDLE = Path(__file__).resolve().parents[3] / "hallbuilder" / "web_dist" / "manifest.json"
SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "studio"


@pytest.fixture
def studio_project(tmp_path: Path) -> Path:
    """A folder that does not exist yet: the studio creates the project as `hallbuilder new` does."""
    return tmp_path / "new-hall"


@pytest.fixture
def studio(desktop_page, studio_project: Path) -> Iterator[StudioPage]:
    """The studio on an empty folder, opened in Chromium (1280×800, English) through its token address."""
    if not BUNDLE.exists():
        pytest.fail(
            f"the studio bundle is missing ({BUNDLE}): run `make setup` (cd web && npm ci && npm run build)"
        )
    desktop_page.set_default_timeout(30000)
    with run_studio(studio_project) as address:
        yield StudioPage(desktop_page, address, studio_project).open()


@pytest.fixture
def screenshots() -> Path:
    """docs/studio/: the screenshots docs/studio.md shows, made by the tests."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
