"""`hallbuilder qr`: codes that a phone camera reads back as the hall's and each scene's address."""

from __future__ import annotations

import re

import cv2
from click.testing import CliRunner
from PIL import Image

from hallbuilder.cli import cli


def decode(path) -> str:
    text, _, _ = cv2.QRCodeDetectorAruco().detectAndDecode(cv2.imread(str(path)))
    return text


def test_codes_for_the_hall_and_each_scene_decode_to_their_links(make_dist, tmp_path):
    out = tmp_path / "posters"
    result = CliRunner().invoke(
        cli, ["qr", str(make_dist()), "--url", "https://hall.example.com/demo", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{out / 'hall'}.svg/.png  https://hall.example.com/demo/",
        f"{out / 'scene-lobby'}.svg/.png  https://hall.example.com/demo/#scene=lobby",
        f"{out / 'scene-gallery'}.svg/.png  https://hall.example.com/demo/#scene=gallery",
        f"Wrote 3 QR codes (SVG and PNG, 40 mm) to {out}.",
    ]
    assert sorted(path.name for path in out.iterdir()) == [
        "hall.png",
        "hall.svg",
        "scene-gallery.png",
        "scene-gallery.svg",
        "scene-lobby.png",
        "scene-lobby.svg",
    ]
    assert decode(out / "scene-lobby.png") == "https://hall.example.com/demo/#scene=lobby"
    assert decode(out / "hall.png") == "https://hall.example.com/demo/"
    with Image.open(out / "hall.png") as png:  # at least 40 mm at 300 dpi
        assert png.width >= 40 / 25.4 * 300 and round(png.info["dpi"][0]) == 300
    svg = (out / "scene-gallery.svg").read_text()
    width = float(re.search(r'width="([0-9.]+)mm"', svg).group(1))
    assert abs(width - 40) < 0.01


def test_a_url_that_is_not_a_web_address(make_dist):
    result = CliRunner().invoke(cli, ["qr", str(make_dist()), "--url", "hall.example.com"])
    assert (result.exit_code, result.stderr) == (
        1,
        "--url hall.example.com: not a web address: write it like https://cdn.example.com/hall/ (no #, no spaces).\n",
    )


def test_a_folder_without_a_build(tmp_path):
    result = CliRunner().invoke(cli, ["qr", str(tmp_path), "--url", "https://hall.example.com/"])
    assert (result.exit_code, result.stderr) == (
        1,
        f"{tmp_path}: tour.json is missing, so this is not a built tour: "
        f"run `hallbuilder build PROJECT -o {tmp_path}` first, then give `hallbuilder qr` that folder.\n",
    )


def test_the_address_defaults_to_hall_url_from_hall_yaml(make_dist, tmp_path):
    import json

    dist = make_dist()
    tour = json.loads((dist / "tour.json").read_text("utf-8"))
    tour["hall"]["url"] = "https://hall.example.com/red/"
    (dist / "tour.json").write_text(json.dumps(tour), "utf-8")
    result = CliRunner().invoke(cli, ["qr", str(dist), "-o", str(tmp_path / "qr")])
    assert result.exit_code == 0, result.output
    assert decode(tmp_path / "qr" / "scene-lobby.png") == "https://hall.example.com/red/#scene=lobby"


def test_without_any_address_it_says_where_to_give_one(make_dist):
    result = CliRunner().invoke(cli, ["qr", str(make_dist())])
    assert (result.exit_code, result.stderr) == (
        1,
        "no address to encode: give --url https://... (as printed by `hallbuilder publish`), "
        "or set `url:` under `hall:` in hall.yaml and build again.\n",
    )
