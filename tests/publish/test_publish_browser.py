"""A real build, published to moto with --public-read, opened by Chromium straight from the bucket URL."""

from __future__ import annotations

import io
import json
import time

import pytest
from click.testing import CliRunner
from PIL import Image, ImageStat

from hallbuilder.cli import cli

pytestmark = pytest.mark.e2e

HALL_YAML = """\
hall:
  id: publish-test
  title: {en: Published hall}
  languages: [en]
  start: garden
scenes:
  - id: garden
    title: {en: Garden}
    photo: photos/taj.jpg
    view: {yaw: 0, pitch: 0, fov: 75}
"""


@pytest.fixture
def built_hall(tmp_path, panoramas):
    from hallbuilder.builder import build_hall

    project = tmp_path / "hall"
    (project / "photos").mkdir(parents=True)
    (project / "photos" / "taj.jpg").symlink_to(panoramas / "taj-mahal_2048x1024.jpg")
    (project / "hall.yaml").write_text(HALL_YAML, encoding="utf-8")
    build_hall(project, tmp_path / "dist")
    return tmp_path / "dist"


def test_the_published_tour_opens_from_the_bucket_endpoint(built_hall, bucket, moto_endpoint, desktop_page):
    args = [
        "publish",
        str(built_hall),
        "--to",
        f"s3://{bucket}/halls/demo/",
        "--endpoint-url",
        moto_endpoint,
        "--public-read",
        "--json",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["uploaded"] > 10
    page, errors, tiles = desktop_page, [], []
    page.set_default_timeout(30000)
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda answer: "/tiles/" in answer.url and tiles.append(answer.status))
    page.goto(f"{moto_endpoint}/{bucket}/halls/demo/index.html")  # anonymous, like a visitor
    page.click("#hb-enter")
    page.wait_for_function("performance.getEntriesByName('tour:interactive').length > 0")
    page.wait_for_function("document.querySelectorAll('canvas').length > 0")
    assert page.locator(".hb-scene-title").text_content() == "Garden"
    assert tiles and set(tiles) == {200}
    assert errors == []
    assert drawn_contrast(page) > 10  # the photo is drawn, not a blank or single-colour canvas


def drawn_contrast(page, seconds: float = 15.0) -> float:
    """Contrast in the middle of the view, as soon as it shows a photo (or the last value at the deadline)."""
    deadline = time.monotonic() + seconds
    while True:
        shot = Image.open(io.BytesIO(page.screenshot())).convert("L").crop((320, 200, 960, 600))
        contrast = ImageStat.Stat(shot).stddev[0]
        if contrast > 10 or time.monotonic() > deadline:
            return contrast
