"""`hallbuilder studio` started from the CLI on a free port, and a Chromium page signed in with its token."""

from __future__ import annotations

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
from studio_page import StudioPage

BUNDLE = Path(__file__).resolve().parents[3] / "hallbuilder" / "web_dist" / "manifest.json"
SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "studio"


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
