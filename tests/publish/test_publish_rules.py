"""The header table: which files are content-hashed (cached a year), their types, what gets compressed."""

from __future__ import annotations

import gzip

import pytest

from hallbuilder.publish import rules
from hallbuilder.publish.plan import PART_SIZE, bytes_etag, describe, dist_files, file_etag


@pytest.mark.parametrize(
    ("key", "cache_control"),
    [
        ("index.html", "no-cache"),
        ("tour.json", "no-cache"),
        ("index.html.br", "no-cache"),  # a web server sends it in place of index.html
        ("tour.json.gz", "no-cache"),
        ("scenes/lobby/3fa9c2d41b7e8a60/tiles/0/front/0_0.jpg", rules.IMMUTABLE),
        ("scenes/lobby/3fa9c2d41b7e8a60/preview-0.jpg", rules.IMMUTABLE),
        ("media/5431a4e7af1a2fe8.m4a", rules.IMMUTABLE),
        ("viewer/viewer-ZB5IQLN6.js", rules.IMMUTABLE),  # esbuild's hash
        ("viewer/chunk-2XENPBTX.js.LEGAL.txt", rules.IMMUTABLE),
        ("viewer/app-5e836d0b.css", rules.IMMUTABLE),
        ("viewer/manifest.json", rules.SHORT),
        ("viewer/photo-longname.js", rules.SHORT),  # a word, not a hash
        ("scenes/lobby/base.jpg", rules.SHORT),  # not under a hash folder
        ("media/narration.mp3", rules.SHORT),
        ("favicon.ico", rules.SHORT),
    ],
)
def test_cache_control(key, cache_control):
    assert rules.cache_control(key) == cache_control


@pytest.mark.parametrize(
    ("key", "content_type"),
    [
        ("tour.json", "application/json"),
        ("viewer/a-ZB5IQLN6.js", "text/javascript; charset=utf-8"),
        ("viewer/a-ZB5IQLN6.css", "text/css; charset=utf-8"),
        ("index.html", "text/html; charset=utf-8"),
        ("x/TILE.JPG", "image/jpeg"),
        ("media/a.webp", "image/webp"),
        ("media/a.png", "image/png"),
        ("media/a.svg", "image/svg+xml"),
        ("media/a.mp3", "audio/mpeg"),
        ("media/a.m4a", "audio/mp4"),
        ("media/a.ogg", "audio/ogg"),
        ("media/a.mp4", "video/mp4"),
        ("media/a.vtt", "text/vtt; charset=utf-8"),
        ("media/a.unknown-kind", "application/octet-stream"),
    ],
)
def test_content_type(key, content_type):
    assert rules.content_type(key) == content_type


def test_upload_phases_put_the_entry_points_last():
    keys = ["index.html", "tour.json", "media/a.mp3", "viewer/a-ZB5IQLN6.js"]
    assert sorted(keys, key=rules.phase) == ["media/a.mp3", "viewer/a-ZB5IQLN6.js", "tour.json", "index.html"]


def test_an_entry_points_precompressed_siblings_go_with_it():
    """nginx's gzip_static/brotli_static send index.html.gz as index.html: uploaded early, it would show
    visitors the new page before the files it points at."""
    keys = ["index.html.br", "index.html.gz", "tour.json.br", "media/a.vtt", "viewer/a-ZB5IQLN6.js.br"]
    assert [rules.phase(key) for key in keys] == [2, 2, 1, 0, 0]
    assert rules.uncompressed("viewer/a-ZB5IQLN6.js.br") == "viewer/a-ZB5IQLN6.js"
    assert rules.uncompressed("media/a.vtt") == "media/a.vtt"


def test_text_is_stored_gzip_compressed_only_when_it_pays(tmp_path):
    big, small, photo = tmp_path / "tour.json", tmp_path / "tiny.json", tmp_path / "a.jpg"
    big.write_text('{"scenes": []}' * 500)
    small.write_text("{}")
    photo.write_bytes(b"\xff\xd8" * 5000)
    packed = describe("tour.json", big, compress=True)
    assert (packed.encoding, gzip.decompress(packed.data)) == ("gzip", big.read_bytes())
    assert packed.size == len(packed.data) < big.stat().st_size // 10
    assert describe("tiny.json", small, compress=True).encoding is None
    assert describe("a.jpg", photo, compress=True).encoding is None
    assert describe("tour.json", big, compress=False).encoding is None  # folders: the web server compresses


def test_precompressed_siblings_are_skipped_only_for_buckets(tmp_path):
    for name in (
        "viewer/a-ZB5IQLN6.js",
        "viewer/a-ZB5IQLN6.js.gz",
        "viewer/a-ZB5IQLN6.js.br",
        "media/x.gz",
        ".hallbuilder-cache/x",
        "index.html",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    assert [key for key, _ in dist_files(tmp_path, skip_precompressed=True)] == [
        "index.html",
        "media/x.gz",
        "viewer/a-ZB5IQLN6.js",
    ]
    assert len(dist_files(tmp_path, skip_precompressed=False)) == 5


@pytest.mark.parametrize(
    "size", [0, 1000, PART_SIZE - 1, PART_SIZE * 2 + 2560], ids=["empty", "small", "one part", "three parts"]
)
def test_etags_match_what_s3_computes(tmp_path, s3, bucket, size):
    """Ours, from the file and from bytes, against the ETag the S3 server gives the same upload (parts of
    PART_SIZE above it, like S3Target.put), so an unchanged file is never uploaded again."""
    from boto3.s3.transfer import TransferConfig

    data = (bytes(range(256)) * (size // 256 + 1))[:size]
    path = tmp_path / "media.mp4"
    path.write_bytes(data)
    parts = TransferConfig(multipart_threshold=PART_SIZE, multipart_chunksize=PART_SIZE)
    s3.upload_file(str(path), bucket, "media.mp4", Config=parts)
    stored = s3.head_object(Bucket=bucket, Key="media.mp4")["ETag"].strip('"')
    assert file_etag(path) == bytes_etag(data) == stored
    assert stored.endswith("-3") == (size > PART_SIZE * 2)
