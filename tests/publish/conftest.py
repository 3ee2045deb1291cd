"""A moto S3 server on 127.0.0.1 (real HTTP), dummy credentials, fresh buckets, and small built tours.

`make_dist` writes a tour with the layout of a real build (content-hashed scene folders, media, viewer
bundle with .br/.gz siblings, unhashed index.html and tour.json) so publishing can be tested without a build.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image

FACES = ("front", "right", "back", "left", "top", "bottom")
VIEWER_JS = "/* viewer */\n" + "".join(
    f"export function part{n}() {{ return {n} * 2; }}\n" for n in range(200)
)
VIEWER_CSS = "".join(f".hall-{n} {{ color: #{n:06x}; margin: {n}px; }}\n" for n in range(120))
# one media file per kind the issue names; bytes only need to be distinct
MEDIA = {
    "mp3": b"ID3mp3",
    "m4a": b"m4a-data",
    "ogg": b"OggS",
    "mp4": b"mp4-video",
    "webp": b"RIFFwebp",
    "png": b"\x89PNG",
    "svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    "vtt": b"WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome\n",
}


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def jpeg(seed: int, size: int = 64) -> bytes:
    """A small JPEG whose pixels depend on the seed."""
    picture = Image.new("RGB", (size, size), ((seed * 37) % 256, (seed * 91) % 256, (seed * 53) % 256))
    picture.putpixel((seed % size, 0), (255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_dist(
    root: Path,
    *,
    seeds: dict[str, int] | None = None,
    hotspot_yaw: float = 10.0,
    title: str = "Demo hall",
    big_media: bytes | None = None,
) -> Path:
    """A built tour: scenes named by `seeds` (a new seed is a re-shot photo), one hotspot, media of each kind."""
    seeds = seeds or {"lobby": 1, "gallery": 2}
    js = VIEWER_JS.encode()
    js_name = f"viewer/app-{short_hash(js)[:8]}.js"
    css_name = f"viewer/app-{short_hash(VIEWER_CSS.encode())[:8]}.css"
    write(root / js_name, js)
    write(root / (js_name + ".gz"), gzip.compress(js, mtime=0))
    write(root / (js_name + ".br"), b"brotli-bytes")
    write(root / css_name, VIEWER_CSS.encode())
    media = {}
    for ext, data in MEDIA.items():
        media[ext] = f"media/{short_hash(data)}.{ext}"
        write(root / media[ext], data)
    if big_media is not None:
        media["big"] = f"media/{short_hash(big_media)}.mp4"
        write(root / media["big"], big_media)
    scenes = []
    for number, (scene, seed) in enumerate(seeds.items()):
        digest = short_hash(jpeg(seed))
        folder = f"scenes/{scene}/{digest}"
        for face_number, face in enumerate(FACES):
            write(root / folder / "tiles" / "0" / face / "0_0.jpg", jpeg(seed * 10 + face_number))
        for name, extra in (("base.jpg", 7), ("thumb.jpg", 8), ("preview-0.jpg", 9)):
            write(root / folder / name, jpeg(seed * 10 + extra))
        target = list(seeds)[(number + 1) % len(seeds)]
        scenes.append(
            {
                "id": scene,
                "title": {"en": scene.title()},
                "zone": None,
                "view": {"yaw": 0, "pitch": 0, "fov": 90},
                "north": 0,
                "narration": {
                    "en": {
                        "audio": media["m4a"],
                        "duration": 2.0,
                        "transcript": "Welcome",
                        "captions": media["vtt"],
                    }
                },
                "hotspots": [{"id": "h1", "type": "link", "yaw": hotspot_yaw, "pitch": 0, "target": target}],
                "panorama": {
                    "hash": digest,
                    "tileSize": 256,
                    "levels": [{"faceSize": 64, "nbTiles": 1}],
                    "tiles": f"{folder}/tiles/{{level}}/{{face}}/{{row}}_{{col}}.jpg",
                    "base": f"{folder}/base.jpg",
                    "thumb": f"{folder}/thumb.jpg",
                    "preview": {"src": f"{folder}/preview-0.jpg", "yaw": 0, "pitch": 0, "fov": 90},
                },
            }
        )
    tour = {
        "format": 1,
        "generator": "tests",
        "hall": {
            "id": "demo",
            "title": {"en": title},
            "languages": ["en"],
            "start": next(iter(seeds)),
            "cover": None,
        },
        "zones": [],
        "scenes": scenes,
        "floorplan": None,
        "announcements": [],
        "service": None,
        "showcases": [],
    }
    write(root / "tour.json", json.dumps(tour, indent=2).encode())
    page = (
        f"<!doctype html><html><head><title>{title}</title><link rel=stylesheet href='{css_name}'>"
        f"<script type=module src='{js_name}'></script></head><body><div id=viewer></div>"
        + "<!-- padding -->" * 80
        + "</body></html>"
    )
    write(root / "index.html", page.encode())
    return root


@pytest.fixture
def make_dist(tmp_path: Path):
    """make_dist("v1", seeds=..., hotspot_yaw=...) -> a fresh dist folder under tmp_path."""
    return lambda name="dist", **options: write_dist(tmp_path / name, **options)


@pytest.fixture(scope="module")
def make_module_dist(tmp_path_factory: pytest.TempPathFactory):
    """make_dist for a tour that several tests of one module read (written once)."""
    return lambda name="dist", **options: write_dist(tmp_path_factory.mktemp(name) / name, **options)


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """One moto S3 server per test process (xdist worker), on a free port, over plain HTTP."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Dummy credentials in the environment, and nothing from ~/.aws or instance metadata."""
    for name in (
        "AWS_PROFILE",
        "AWS_SESSION_TOKEN",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ENDPOINT_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@pytest.fixture
def s3(moto_endpoint: str, aws_env: None):
    return boto3.client("s3", endpoint_url=moto_endpoint)


@pytest.fixture
def bucket(s3) -> str:
    """A new, empty bucket for one test."""
    name = f"hb-{uuid.uuid4().hex[:16]}"
    s3.create_bucket(Bucket=name)
    return name
