"""The nadir logo in a build: in the bottom face's tiles and base only, and a new logo re-tiles nothing else."""

import json
from pathlib import Path

import numpy as np
import simplejpeg
from PIL import Image

from hallbuilder.builder import build_hall
from hallbuilder.imaging.nadir import disc_radius

RED, BLUE = (220, 20, 20), (20, 40, 220)


def with_nadir(hall: Path, colour: tuple[int, int, int], scenes: str = "") -> None:
    (hall / "media").mkdir(exist_ok=True)
    Image.new("RGBA", (256, 256), (*colour, 255)).save(hall / "media" / "logo.png")
    config = hall / "hall.yaml"
    text = config.read_text("utf-8")
    if "nadir:" not in text.split("\nzones:")[0]:
        nadir = f"\n  nadir: {{logo: media/logo.png, size: 40{scenes}}}\nzones:"
        config.write_text(text.replace("\nzones:", nadir, 1), "utf-8")


def files(dist: Path) -> dict[str, bytes]:
    return {str(path.relative_to(dist)): path.read_bytes() for path in dist.joinpath("scenes").rglob("*.jpg")}


def pixels(path: Path) -> np.ndarray:
    return simplejpeg.decode_jpeg(path.read_bytes(), colorspace="RGB").astype(int)


def bottom_face(dist: Path, panorama: dict) -> np.ndarray:
    """The top level's bottom face, from its tiles."""
    level = len(panorama["levels"]) - 1
    count = panorama["levels"][level]["nbTiles"]
    template = panorama.get("bottomTiles") or panorama["tiles"].replace("{face}", "bottom")
    rows = [
        np.hstack([pixels(dist / template.format(level=level, row=row, col=col)) for col in range(count)])
        for row in range(count)
    ]
    return np.vstack(rows)


def test_the_logo_is_in_the_bottom_tiles_and_nowhere_else(hall):
    build_hall(hall)
    before = files(hall / "dist")
    plain = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))["scenes"][0]["panorama"]
    plain_bottom = bottom_face(hall / "dist", plain)
    with_nadir(hall, RED)
    summary = build_hall(hall)
    dist = hall / "dist"
    after = files(dist)
    panorama = json.loads((dist / "tour.json").read_text("utf-8"))["scenes"][0]["panorama"]
    assert summary.tiled == 0  # the photos were not tiled again
    assert panorama["tiles"] == plain["tiles"] and "/nadir-" in panorama["bottomTiles"]
    # every tile of the other five faces, the thumb and the preview: the same file, byte for byte
    kept = {name: data for name, data in after.items() if "/nadir-" not in name}
    assert kept == {name: data for name, data in before.items() if name in kept}
    assert all("/bottom/" in name or name.endswith("base.jpg") for name in after if "/nadir-" in name)
    face = bottom_face(dist, panorama)
    size = face.shape[0]
    centre = (size - 1) / 2
    away = np.hypot(*np.mgrid[0:size, 0:size] - centre)
    radius = disc_radius(size, 40)
    assert np.abs(face[away < radius - 4] - RED).mean() < 6  # the logo, less JPEG's blur
    outside = away > radius + 8
    assert np.abs(face[outside] - plain_bottom[outside]).mean() < 1.5  # the photo, as it was
    net = pixels(dist / panorama["base"])
    cell = panorama["baseFaceSize"]
    assert np.abs(net[2 * cell + cell // 2, cell + cell // 2] - RED).max() < 25  # bottom cell: below front


def test_a_new_logo_rewrites_only_the_bottom_faces(hall):
    with_nadir(hall, RED)
    build_hall(hall)
    before = files(hall / "dist")
    with_nadir(hall, BLUE)  # same hall.yaml, another logo file
    summary = build_hall(hall)
    after = files(hall / "dist")
    changed = sorted(set(after) - set(before)) + [
        name for name in before if name in after and before[name] != after[name]
    ]
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    levels = tour["scenes"][0]["panorama"]["levels"]
    bottom_tiles = sum(level["nbTiles"] ** 2 for level in levels)
    assert summary.tiled == 0
    assert len(changed) == len(tour["scenes"]) * (bottom_tiles + 1)  # each scene's bottom tiles and base
    assert all("/nadir-" in name and ("/bottom/" in name or name.endswith("/base.jpg")) for name in changed)


def test_chosen_scenes_only(hall):
    with_nadir(hall, RED, scenes=", scenes: [gallery]")
    build_hall(hall)
    lobby, gallery = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))["scenes"]
    assert "bottomTiles" not in lobby["panorama"] and "/nadir-" in gallery["panorama"]["bottomTiles"]
