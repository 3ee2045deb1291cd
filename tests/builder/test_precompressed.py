"""The build's .br and .gz siblings of index.html, tour.json and the listen pages (issue 12: brotli where the
host allows), always the same bytes as the file they stand for."""

from __future__ import annotations

import gzip
import json
import random

import brotli

from hallbuilder.builder import build_hall
from hallbuilder.site.compress import precompress


def test_a_build_writes_brotli_and_gzip_siblings_of_its_text(hall):
    build_hall(hall)
    dist = hall / "dist"
    for name in ("index.html", "tour.json"):
        original = (dist / name).read_bytes()
        assert brotli.decompress((dist / f"{name}.br").read_bytes()) == original
        assert gzip.decompress((dist / f"{name}.gz").read_bytes()) == original
        assert (dist / f"{name}.br").stat().st_size < (dist / f"{name}.gz").stat().st_size


def test_a_rebuild_never_leaves_a_stale_sibling(hall):
    build_hall(hall)
    config = hall / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("Gallery", "Long gallery"), "utf-8")
    build_hall(hall)
    tour = (hall / "dist" / "tour.json").read_bytes()
    assert "Long gallery" in json.loads(tour.decode())["scenes"][1]["title"]["en"]
    assert brotli.decompress((hall / "dist" / "tour.json.br").read_bytes()) == tour


def test_small_or_incompressible_files_get_no_sibling_and_lose_a_stale_one(tmp_path):
    small = tmp_path / "small.html"
    small.write_text("<p>hi</p>")
    (tmp_path / "small.html.br").write_bytes(b"stale")
    noise = tmp_path / "noise.json"
    noise.write_bytes(random.Random(1).randbytes(4096))
    assert precompress(small) == []
    assert not (tmp_path / "small.html.br").exists()
    assert precompress(noise) == []
