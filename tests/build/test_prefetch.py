"""The build command's head start: the first photo decodes while the build starts up (prefetch.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from hallbuilder.build import build_hall
from hallbuilder.build.prefetch import prefetch_first_photo
from hallbuilder.errors import PhotoError
from hallbuilder.imaging import open_panorama


def decoded(prefetch) -> np.ndarray | BaseException:
    """What the prefetch thread made of the photo: its pixels, or the reason it left it alone."""
    try:
        return prefetch.pixels.result(timeout=60)
    except Exception as error:
        return error


def test_the_first_photo_is_decoded_ahead_and_the_build_uses_it(hall, monkeypatch):
    prefetch = prefetch_first_photo(hall)
    assert prefetch.photo == (hall / "photos" / "lobby.jpg").resolve()
    pixels = decoded(prefetch)
    assert np.array_equal(pixels, open_panorama(hall / "photos" / "lobby.jpg"))

    opened = []
    real_open = open_panorama

    def counting_open(photo, *args):
        opened.append(Path(photo).name)
        return real_open(photo, *args)

    monkeypatch.setattr("hallbuilder.imaging.tiler.open_panorama", counting_open)
    summary = build_hall(hall, prefetched=prefetch)
    assert summary.tiled == 2
    assert opened == ["gallery.jpg"]  # the lobby's pixels came from the prefetch


def test_a_prefetched_build_writes_the_same_tour_as_a_plain_one(hall, tmp_path, snapshot):
    plain = Path(shutil.copytree(hall, tmp_path / "plain"))
    build_hall(plain)
    build_hall(hall, prefetched=prefetch_first_photo(hall))
    assert snapshot(hall / "dist") == snapshot(plain / "dist")


def test_a_photo_already_tiled_is_not_decoded_again(hall):
    build_hall(hall)
    prefetch = prefetch_first_photo(hall)
    assert isinstance(decoded(prefetch), LookupError)
    assert build_hall(hall, prefetched=prefetch).reused == 2


@pytest.mark.parametrize(
    "photo",
    [
        "../outside.jpg",  # outside the project: never read ahead
        "photos/lobby.png",  # Pillow's photos are decoded by the tiler alone
        "photos/missing.jpg",
        "[1, 2]",
    ],
)
def test_no_head_start_for_photos_it_should_not_touch(hall, photo):
    (hall.parent / "outside.jpg").write_bytes((hall / "photos" / "lobby.jpg").read_bytes())
    config = hall / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("photos/lobby.jpg", photo, 1), "utf-8")
    assert prefetch_first_photo(hall) is None


def test_no_head_start_without_a_readable_hall_yaml(hall, tmp_path):
    assert prefetch_first_photo(tmp_path / "nowhere") is None
    (hall / "hall.yaml").write_text("scenes: [\n", "utf-8")
    assert prefetch_first_photo(hall) is None


def test_a_damaged_first_photo_is_reported_as_without_the_head_start(hall):
    lobby = hall / "photos" / "lobby.jpg"
    lobby.write_bytes(lobby.read_bytes()[: lobby.stat().st_size // 2])
    prefetch = prefetch_first_photo(hall)
    assert isinstance(decoded(prefetch), PhotoError)
    with pytest.raises(PhotoError) as with_prefetch:
        build_hall(hall, prefetched=prefetch)
    with pytest.raises(PhotoError) as without:
        build_hall(hall)
    assert with_prefetch.value.message == without.value.message
    assert str(lobby) in without.value.message
    assert not (hall / "dist").exists()


def test_the_build_command_hands_its_head_start_to_the_build(hall, monkeypatch):
    from click.testing import CliRunner

    import hallbuilder.build.run
    from hallbuilder.cli import cli

    handed = []
    real_build = hallbuilder.build.run.build_hall

    def spying_build(*args, prefetched=None, **kwargs):
        handed.append(prefetched)
        return real_build(*args, prefetched=prefetched, **kwargs)

    monkeypatch.setattr("hallbuilder.build.run.build_hall", spying_build)
    monkeypatch.delattr("hallbuilder.build.build_hall", raising=False)  # the package re-reads run.build_hall
    done = CliRunner().invoke(cli, ["build", str(hall), "-q"])
    assert done.exit_code == 0, done.output
    assert handed[0].photo == (hall / "photos" / "lobby.jpg").resolve()
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    assert [scene["id"] for scene in tour["scenes"]] == ["lobby", "gallery"]
