"""The build end to end: output layout, tour.json against its schema, incremental and atomic behaviour."""

import json
import os
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from hallbuilder.builder import build_hall
from hallbuilder.builder.manifest import tour_schema
from hallbuilder.errors import BuildError, PhotoError
from hallbuilder.samples import write_room

FACES = ("front", "right", "back", "left", "top", "bottom")


def test_build_writes_tiles_and_a_valid_manifest(hall):
    summary = build_hall(hall)
    dist = hall / "dist"
    tour = json.loads((dist / "tour.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(tour_schema()).validate(tour)
    assert summary.scenes == 2 and summary.tiled == 2 and summary.reused == 0
    assert tour["format"] == 1 and tour["hall"]["id"] == "my-hall" and tour["hall"]["start"] == "lobby"
    lobby = tour["scenes"][0]
    assert lobby["hotspots"][0] == {
        "id": "lobby-0",
        "type": "link",
        "yaw": 0.0,
        "pitch": -10.0,
        "target": "gallery",
        "label": {"zh-CN": "展厅", "en": "Gallery"},
    }
    panorama = lobby["panorama"]
    files = 0
    for level_index, level in enumerate(panorama["levels"]):
        assert level["faceSize"] == panorama["tileSize"] * level["nbTiles"]
        for face in FACES:
            for row in range(level["nbTiles"]):
                for col in range(level["nbTiles"]):
                    url = panorama["tiles"].format(level=level_index, face=face, row=row, col=col)
                    with Image.open(dist / url) as tile:
                        assert tile.size == (panorama["tileSize"], panorama["tileSize"])
                    files += 1
    assert files == sum(6 * level["nbTiles"] ** 2 for level in panorama["levels"])
    with Image.open(dist / panorama["base"]) as base:
        assert base.size == (4 * panorama["baseFaceSize"], 3 * panorama["baseFaceSize"])
    with Image.open(dist / panorama["thumb"]) as thumb:
        assert thumb.size[0] == 2 * thumb.size[1]
    assert (dist / panorama["preview"]["src"]).is_file()
    assert summary.line().startswith("Built 2 scene(s) (2 tiled, 0 unchanged), ")


def test_an_unchanged_photo_is_never_tiled_again(hall):
    build_hall(hall)
    again = build_hall(hall)
    assert (again.tiled, again.reused) == (0, 2)


def test_editing_a_hotspot_keeps_the_tiles_and_changes_the_manifest(hall):
    build_hall(hall)
    tiles_before = sorted(p.name for p in (hall / "dist" / "scenes" / "lobby").iterdir())
    config = hall / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("yaw: 60", "yaw: 75"), "utf-8")
    summary = build_hall(hall)
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    assert summary.tiled == 0
    assert tour["scenes"][0]["hotspots"][1]["yaw"] == 75.0
    assert sorted(p.name for p in (hall / "dist" / "scenes" / "lobby").iterdir()) == tiles_before


def test_a_reshot_photo_is_tiled_under_a_new_hash(hall):
    build_hall(hall)
    old = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))["scenes"][1]["panorama"]["hash"]
    write_room(hall / "photos" / "gallery.jpg", 2048, variant=2)
    summary = build_hall(hall)
    new = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))["scenes"][1]["panorama"]["hash"]
    assert (summary.tiled, summary.reused) == (1, 1)
    assert new != old
    assert [p.name for p in (hall / "dist" / "scenes" / "gallery").iterdir()] == [new]


def test_a_bad_photo_leaves_the_previous_build_exactly_as_it_was(hall, snapshot):
    build_hall(hall)
    before = snapshot(hall / "dist")
    (hall / "photos" / "gallery.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(PhotoError) as caught:
        build_hall(hall)
    assert caught.value.lines() == [
        "hall.yaml:50 scenes[1].photo: cannot be read as an image; use a JPEG, PNG, TIFF or WebP file "
        "(copy it again if it was damaged)"
    ]
    assert snapshot(hall / "dist") == before


def test_an_interrupted_build_leaves_the_previous_build(hall, monkeypatch, snapshot):
    build_hall(hall)
    before = snapshot(hall / "dist")
    config = hall / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("yaw: 60", "yaw: 75"), "utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("hallbuilder.builder.run.write_viewer", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_hall(hall)
    assert snapshot(hall / "dist") == before
    assert [p.name for p in hall.iterdir() if p.name.startswith(".dist")] == []


def test_a_swap_cut_short_is_repaired_by_the_next_build(hall):
    build_hall(hall)
    (hall / "dist").rename(hall / f".dist.old-{os.getpid() + 1}")
    summary = build_hall(hall)
    assert (hall / "dist" / "tour.json").is_file() and summary.scenes == 2
    assert [p.name for p in hall.iterdir() if p.name.startswith(".dist")] == []


def test_the_build_never_replaces_a_folder_that_is_not_a_build(hall, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work")
    with pytest.raises(BuildError) as caught:
        build_hall(hall, precious)
    assert caught.value.message == (
        f"{precious}: exists and is not a hallbuilder build (no tour.json); choose another output with -o, "
        "or move that folder away"
    )
    assert (precious / "thesis.docx").read_text() == "years of work"
    with pytest.raises(BuildError):
        build_hall(hall, hall)


def test_media_are_content_hashed(hall):
    """A replaced picture gets a new address (no phone shows a stale cached copy); the same bytes keep theirs."""
    config = hall / "hall.yaml"
    config.write_text(
        config.read_text("utf-8").replace("# images: [media/photo1.jpg]", "images: [media/photo1.jpg]")
    )

    def built_address(source: str) -> str:
        (hall / "media" / "photo1.jpg").write_bytes((hall / "photos" / source).read_bytes())
        build_hall(hall)
        tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
        src = tour["scenes"][0]["hotspots"][1]["images"][0]["src"]
        assert src.startswith("media/") and (hall / "dist" / src).is_file()
        return src

    first = built_address("lobby.jpg")
    assert built_address("gallery.jpg") != first
    assert built_address("lobby.jpg") == first


def test_hall_url_makes_share_cards_absolute(hall):
    config = hall / "hall.yaml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  start: lobby", "  url: https://hall.example.org/red\n  start: lobby", 1
        )
    )
    build_hall(hall)
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    page = (hall / "dist" / "index.html").read_text("utf-8")
    assert tour["hall"]["url"] == "https://hall.example.org/red/"
    assert '<meta property="og:url" content="https://hall.example.org/red/">' in page
    preview = tour["scenes"][0]["panorama"]["preview"]["src"]
    assert f'<meta property="og:image" content="https://hall.example.org/red/{preview}">' in page


def test_a_tour_breaking_its_schema_stops_the_build_naming_the_place(hall):
    from hallbuilder.builder.manifest import validate_manifest

    build_hall(hall)
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    validate_manifest(tour)  # the built tour passes
    tour["scenes"][1]["panorama"]["levels"][0]["faceSize"] = "big"
    with pytest.raises(BuildError) as caught:
        validate_manifest(tour)
    assert caught.value.message == (
        "internal error: tour.json breaks its schema at 'scenes/1/panorama/levels/0/faceSize': "
        '"big" is not of type "integer"'
    )


def test_the_page_inlines_the_small_preview_made_beside_the_tiles(hall):
    import base64

    build_hall(hall)
    dist = hall / "dist"
    start = json.loads((dist / "tour.json").read_text("utf-8"))["scenes"][0]["panorama"]["preview"]
    small = (dist / start["src"]).with_name(Path(start["src"]).stem + ".inline.jpg")
    with Image.open(small) as picture:
        assert picture.width == 640 and picture.format == "JPEG"
    page = (dist / "index.html").read_text("utf-8")
    inlined = page.split('<img id="hb-preview" src="data:image/jpeg;base64,')[1].split('"')[0]
    assert base64.b64decode(inlined) == small.read_bytes()
