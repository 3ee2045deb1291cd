"""Fixtures shared by every test area: real panoramas, synthetic panoramas, a real Chromium.

Area-specific fixtures live in tests/<area>/conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

# collection_guard: a run of the whole suite fails if a test file was not collected; pytester tests that guard
pytest_plugins = ("collection_guard", "pytester")

ROOT = Path(__file__).resolve().parent.parent
PANORAMAS = ROOT.parent / "shared" / "panoramas"
CHROMIUM = os.environ.get("HALLBUILDER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-gl=angle",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
]


@pytest.fixture(scope="session")
def panoramas() -> Path:
    """The real third-party test photos in ../shared/panoramas (never copied into the repository)."""
    if not (PANORAMAS / "README.md").exists():
        pytest.fail(f"the shared test panoramas are missing: expected them in {PANORAMAS}")
    return PANORAMAS


def synthetic_equirect(width: int, height: int | None = None, seed: int = 0) -> Image.Image:
    """A 2:1 RGB panorama whose every pixel encodes its direction: smooth, seamless, easy to check.

    R follows longitude, G latitude, B a texture of both, so orientation errors show up as colour errors.
    """
    height = height or width // 2
    lon = (np.arange(width) + 0.5) / width * 2 * np.pi - np.pi
    lat = np.pi / 2 - (np.arange(height) + 0.5) / height * np.pi
    lon_grid, lat_grid = np.meshgrid(lon, lat)
    r = 127.5 + 127.5 * np.sin(lon_grid) * np.cos(lat_grid)
    g = 127.5 + 127.5 * np.sin(lat_grid)
    b = 127.5 + 127.5 * np.cos(lon_grid * 6 + seed) * np.cos(lat_grid * 6)
    pixels = np.stack([r, g, b], axis=-1).clip(0, 255).astype(np.uint8)
    return Image.fromarray(pixels, "RGB")


@pytest.fixture
def make_equirect(tmp_path: Path):
    """Write a synthetic panorama and return its path: make_equirect(2048, name="lobby.jpg")."""

    def make(
        width: int = 2048,
        height: int | None = None,
        name: str = "pano.jpg",
        seed: int = 0,
        folder: Path | None = None,
        **save_options,
    ) -> Path:
        target = (folder or tmp_path) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        synthetic_equirect(width, height, seed).save(target, **({"quality": 92} | save_options))
        return target

    return make


@pytest.fixture(scope="session")
def new_project_template(tmp_path_factory) -> Path:
    """One `hallbuilder new` project per session (rendering its placeholder photos takes a second)."""
    from hallbuilder.commands.new import create_project

    target = tmp_path_factory.mktemp("new-project") / "hall"
    create_project(target)
    return target


@pytest.fixture
def hall(new_project_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of a `hallbuilder new` project: valid, scenes lobby and gallery, languages zh-CN and en."""
    import shutil

    return Path(shutil.copytree(new_project_template, tmp_path / "hall"))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (Playwright's own browser download cannot work here)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make chromium` (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def phone_page(browser) -> Iterator[object]:
    """A page in an emulated phone: 390×844, touch, device scale 3."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 with production costs takes 0.2 s a hash; tests use the same algorithm with small costs.

    The service and showcase areas turn it on for each of their tests (their conftest.py)."""
    from argon2 import PasswordHasher

    from hallbuilder.service.admin import auth

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """A SQLite file at the service's newest schema, made once per session; tests copy it (cheaper than migrating)."""
    from hallbuilder.service.store import migrate
    from hallbuilder.service.store.db import Database

    path = tmp_path_factory.mktemp("migrated-sqlite") / "template.sqlite3"
    database = Database(f"sqlite:///{path}")
    migrate.upgrade(database)
    database.dispose()
    return path


@pytest.fixture(scope="session")
def migrated_postgres() -> Iterator[object]:
    """migrated_postgres("prefix") -> URL of a new PostgreSQL database at the service's newest schema.

    Each test session (each xdist worker) gets its own databases on 127.0.0.1:5432, dropped at the end.
    """
    import uuid

    import psycopg

    from hallbuilder.service.store import migrate
    from hallbuilder.service.store.db import Database

    names: list[str] = []

    def create(prefix: str) -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        names.append(name)
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        database = Database(url)
        migrate.upgrade(database)
        database.dispose()
        return url

    yield create
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _write_clip(path: Path, seconds: float = 1.0, size: tuple[int, int] = (160, 120), fps: int = 10) -> Path:
    """A short silent H.264 clip that gets brighter, written with PyAV."""
    import av  # only the media tests pay for PyAV

    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format="mp4") as output:
        stream = output.add_stream("libx264", rate=fps, options={"preset": "ultrafast"})
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        frames = round(seconds * fps)
        for index in range(frames):
            pixels = np.full((size[1], size[0], 3), int(255 * index / frames), np.uint8)
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            frame.pts = index
            output.mux(stream.encode(frame))
        output.mux(stream.encode(None))
    return path


@pytest.fixture
def write_clip():
    """write_clip(path, seconds=1.0, size=(160, 120), fps=10) -> path: a real, tiny H.264 video file."""
    return _write_clip
