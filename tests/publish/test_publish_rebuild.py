"""Real builds of a two-scene hall, published to moto: what a rebuild after each kind of edit uploads."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli

HALL_YAML = """\
hall:
  id: rebuild-test
  title: {{en: Rebuilt hall}}
  languages: [en]
  start: garden
scenes:
  - id: garden
    title: {{en: Garden}}
    photo: photos/garden.jpg
    view: {{yaw: 0, pitch: 0, fov: 75}}
    hotspots:
      - {{id: to-court, type: link, target: court, yaw: {yaw}, pitch: -10}}
  - id: court
    title: {{en: Court}}
    photo: photos/court.jpg
    view: {{yaw: 0, pitch: 0, fov: 75}}
    hotspots:
      - {{id: to-garden, type: link, target: garden, yaw: 180, pitch: -10}}
"""


@pytest.fixture
def project(tmp_path, panoramas):
    folder = tmp_path / "hall"
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "garden.jpg").symlink_to(panoramas / "taj-mahal_2048x1024.jpg")
    (folder / "photos" / "court.jpg").symlink_to(panoramas / "taj-mahal_2048x1024.jpg")
    (folder / "hall.yaml").write_text(HALL_YAML.format(yaw=30), encoding="utf-8")
    return folder


def build_and_publish(project, bucket, endpoint) -> tuple[dict, list[str]]:
    """Rebuild into the same dist, publish, and return the summary and the uploaded keys (from --dry-run)."""
    from hallbuilder.builder import build_hall

    dist = project.parent / "dist"
    build_hall(project, dist)
    base = ["publish", str(dist), "--to", f"s3://{bucket}/hall/", "--endpoint-url", endpoint]
    planned = CliRunner().invoke(cli, [*base, "--dry-run"])
    keys = [line.split()[-1] for line in planned.stdout.splitlines()[:-1]]
    result = CliRunner().invoke(cli, [*base, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), keys


def test_rebuilds_upload_only_what_the_edit_changed(project, bucket, moto_endpoint, panoramas):
    first, _ = build_and_publish(project, bucket, moto_endpoint)
    assert first["uploaded"] > 20
    total = first["uploaded"]

    unchanged, keys = build_and_publish(project, bucket, moto_endpoint)
    assert (unchanged["uploaded"], keys) == (0, [])

    (project / "hall.yaml").write_text(HALL_YAML.format(yaw=75), encoding="utf-8")
    hotspot, keys = build_and_publish(project, bucket, moto_endpoint)
    assert sorted(keys) == ["index.html", "tour.json"]  # the page embeds tour.json (docs/publish.md)
    assert hotspot["uploaded"] == len(keys) and hotspot["unchanged"] == total - len(keys)

    (project / "photos" / "court.jpg").unlink()  # the court is photographed again
    (project / "photos" / "court.jpg").symlink_to(panoramas / "photosphere-garden_4000x2000.jpg")
    reshot, keys = build_and_publish(project, bucket, moto_endpoint)
    scene_keys = [key for key in keys if key.startswith("scenes/")]
    assert scene_keys and all(key.startswith("scenes/court/") for key in scene_keys)
    assert set(keys) - set(scene_keys) <= {"tour.json", "index.html"} and "tour.json" in keys
    assert reshot["uploaded"] == len(keys)
