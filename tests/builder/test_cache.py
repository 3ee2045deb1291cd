"""The tile cache is trusted only while whole: a damaged entry is tiled again with a warning, never shipped."""

import json
import logging
from pathlib import Path

import pytest
from PIL import Image

from hallbuilder.builder import build_hall
from hallbuilder.builder.cache import CACHE_NAME, entry_problems
from hallbuilder.errors import BuildError


def entry_of(hall: Path, scene: int) -> Path:
    """The cache entry the last build used for scene number `scene`."""
    digest = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))["scenes"][scene]["panorama"]["hash"]
    return hall / CACHE_NAME / "panoramas" / digest


def tiles_of(folder: Path) -> list[Path]:
    return sorted((folder / "tiles").rglob("*.jpg"))


def assert_whole_tiles(hall: Path) -> None:
    """Every tile of every scene in dist/ decodes in full."""
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    for scene in tour["scenes"]:
        panorama = scene["panorama"]
        for level_index, level in enumerate(panorama["levels"]):
            for face in ("front", "right", "back", "left", "top", "bottom"):
                for row in range(level["nbTiles"]):
                    for col in range(level["nbTiles"]):
                        url = panorama["tiles"].format(level=level_index, face=face, row=row, col=col)
                        with Image.open(hall / "dist" / url) as tile:
                            tile.load()  # a truncated JPEG raises here


def test_a_whole_entry_has_no_problems_and_is_reused(hall):
    build_hall(hall)
    assert entry_problems(entry_of(hall, 0)) == []
    assert build_hall(hall).reused == 2


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda tiles: tiles[3].unlink(), id="missing tile"),
        pytest.param(lambda tiles: tiles[3].write_bytes(tiles[3].read_bytes()[:-500]), id="truncated tile"),
        pytest.param(lambda tiles: tiles[3].write_bytes(b""), id="empty tile"),
    ],
)
def test_a_damaged_entry_is_tiled_again_with_a_warning(hall, caplog, damage):
    build_hall(hall)
    entry = entry_of(hall, 0)
    damage(tiles_of(entry))
    assert entry_problems(entry) != []
    with caplog.at_level(logging.WARNING, logger="hallbuilder.builder"):
        summary = build_hall(hall)
    assert (summary.tiled, summary.reused) == (1, 1)
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1 and str(entry) in warnings[0] and "Tiling that photo again" in warnings[0]
    assert entry_problems(entry) == []
    assert_whole_tiles(hall)


def test_an_entry_recording_the_wrong_tile_count_is_tiled_again(hall, caplog):
    build_hall(hall)
    entry = entry_of(hall, 1)
    record = json.loads((entry / "panorama.json").read_text("utf-8"))
    (entry / "panorama.json").write_text(json.dumps({**record, "tiles": record["tiles"] - 1}), "utf-8")
    with caplog.at_level(logging.WARNING, logger="hallbuilder.builder"):
        summary = build_hall(hall)
    assert (summary.tiled, summary.reused) == (1, 1)
    assert "records" in caplog.text and "Tiling that photo again" in caplog.text
    assert json.loads((entry / "panorama.json").read_text("utf-8"))["tiles"] == record["tiles"]


def test_an_unreadable_record_is_tiled_again(hall):
    build_hall(hall)
    entry = entry_of(hall, 0)
    (entry / "panorama.json").write_text('{"width": 20', "utf-8")  # half written
    assert build_hall(hall).tiled == 1
    assert_whole_tiles(hall)


def test_a_pyramid_the_tiler_left_incomplete_is_never_cached_or_shipped(hall, monkeypatch, snapshot):
    build_hall(hall)
    before = snapshot(hall / "dist")
    from hallbuilder.builder import panoramas

    real_tile = panoramas.tile_panorama

    def tile_and_lose_one(photo, out_dir, *args, **kwargs):
        result = real_tile(photo, out_dir, *args, **kwargs)
        tiles_of(out_dir)[0].unlink()
        return result

    monkeypatch.setattr(panoramas, "tile_panorama", tile_and_lose_one)
    from hallbuilder.samples import write_room

    write_room(hall / "photos" / "gallery.jpg", 2048, variant=2)
    with pytest.raises(BuildError) as caught:
        build_hall(hall)
    assert any(line.endswith(": missing") for line in caught.value.lines())
    assert snapshot(hall / "dist") == before
    assert not [
        path for path in (hall / CACHE_NAME / "panoramas").iterdir() if path.name.endswith(".partial")
    ]
