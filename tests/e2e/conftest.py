"""The sample hall built once per test process, served on 127.0.0.1, and helpers to open it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from variants import variant
from viewer_halls import write_sample_hall
from viewer_server import serve
from viewer_tour import Tour

BUNDLE = Path(__file__).resolve().parents[2] / "hallbuilder" / "web_dist" / "manifest.json"


@pytest.fixture(scope="session")
def sample_dist(tmp_path_factory: pytest.TempPathFactory, panoramas: Path) -> Path:
    """The sample hall (two real photos, generated narration) built with `build_hall`."""
    from hallbuilder.builder import build_hall
    from hallbuilder.site.baseline import write_baseline_page

    if not BUNDLE.exists():
        pytest.fail(
            f"the viewer bundle is missing ({BUNDLE}): run `make setup` (cd web && npm ci && npm run build)"
        )
    project = write_sample_hall(tmp_path_factory.mktemp("hall") / "sample", panoramas)
    dist = project / "dist"
    build_hall(project, dist)
    write_baseline_page(dist)
    (dist / "photo.jpg").symlink_to(panoramas / "jfk-terminal-concourse_4096x2048.jpg")
    return dist


@pytest.fixture(scope="session")
def site(sample_dist: Path) -> Iterator[str]:
    with serve(sample_dist) as base:
        yield base


@pytest.fixture(scope="session")
def staff_site(sample_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample hall as `hallbuilder serve` shows it on the staff's own computer: tour.edit is set."""
    dist = variant(sample_dist, tmp_path_factory.mktemp("staff"), lambda tour: tour.update(edit={}))
    with serve(dist) as base:
        yield base


@pytest.fixture
def tour_on_desktop(desktop_page, site: str) -> Tour:
    desktop_page.set_default_timeout(20000)
    return Tour(desktop_page, site)


@pytest.fixture
def staff_tour(desktop_page, staff_site: str) -> Tour:
    desktop_page.set_default_timeout(20000)
    return Tour(desktop_page, staff_site)


@pytest.fixture
def tour_on_phone(phone_page, site: str) -> Tour:
    phone_page.set_default_timeout(20000)
    return Tour(phone_page, site)
