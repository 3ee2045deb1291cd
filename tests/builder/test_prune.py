"""After a build the cache keeps each scene's current and previous panorama, and says what it removed."""

import json
from pathlib import Path

import pytest

from hallbuilder.builder import build_hall
from hallbuilder.builder.cache import CACHE_NAME
from hallbuilder.errors import ConfigError
from hallbuilder.samples import write_room


def entries(hall: Path) -> set[str]:
    return {path.name for path in (hall / CACHE_NAME / "panoramas").iterdir() if path.is_dir()}


def shipped(hall: Path) -> dict[str, str]:
    """scene id → the hash of the panorama dist/ shows."""
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    return {scene["id"]: scene["panorama"]["hash"] for scene in tour["scenes"]}


def reshoot(hall: Path, variant: int) -> None:
    write_room(hall / "photos" / "gallery.jpg", 2048, variant=variant)


def test_reshoots_keep_only_the_current_and_the_previous_version(hall):
    build_hall(hall)
    first = shipped(hall)
    reshoot(hall, 2)
    summary = build_hall(hall)
    second = shipped(hall)
    assert summary.pruned.entries == 0 and "cache" not in summary.line()
    assert entries(hall) == {first["lobby"], first["gallery"], second["gallery"]}

    reshoot(hall, 3)
    summary = build_hall(hall)
    third = shipped(hall)
    assert entries(hall) == {first["lobby"], second["gallery"], third["gallery"]}
    assert summary.pruned.entries == 1 and summary.pruned.bytes > 0
    assert "; 1 old photo version(s) taken out of the cache (" in summary.line()


def test_going_back_to_the_previous_photo_costs_no_tiling(hall):
    photo = hall / "photos" / "gallery.jpg"
    original = photo.read_bytes()
    build_hall(hall)
    reshoot(hall, 2)
    build_hall(hall)
    photo.write_bytes(original)  # the undo
    summary = build_hall(hall)
    assert (summary.tiled, summary.reused, summary.pruned.entries) == (0, 2, 0)


def test_a_failed_build_prunes_nothing(hall):
    build_hall(hall)
    reshoot(hall, 2)
    build_hall(hall)
    before = entries(hall)
    config = hall / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("photos/gallery.jpg", "photos/missing.jpg"), "utf-8")
    with pytest.raises(ConfigError):
        build_hall(hall)
    assert entries(hall) == before


def test_a_scene_taken_out_keeps_its_last_version_and_leftovers_go(hall):
    build_hall(hall)
    reshoot(hall, 2)
    build_hall(hall)
    kept = shipped(hall)
    partial = hall / CACHE_NAME / "panoramas" / "0123abcd.partial"  # an interrupted build's leftover
    partial.mkdir()
    (partial / "tile.jpg").write_bytes(b"half")
    stray = hall / CACHE_NAME / "panoramas" / "feedbeef"  # an entry no scene has used
    stray.mkdir()
    config = hall / "hall.yaml"
    text = config.read_text("utf-8")
    link = text.index("      - type: link")
    without_link = text[:link] + text[text.index("      - type: info") :]
    gallery, after = without_link.index("  - id: gallery"), without_link.index("# floorplan:")
    config.write_text(without_link[:gallery] + without_link[after:], "utf-8")
    summary = build_hall(hall)
    assert summary.scenes == 1
    assert entries(hall) == {kept["lobby"], kept["gallery"]}
    assert summary.pruned.entries == 2  # the gallery's older version and the stray entry
    assert not partial.exists()
