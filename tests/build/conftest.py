import shutil
from pathlib import Path

import pytest

from hallbuilder.commands.new import create_project


@pytest.fixture(scope="session")
def small_scaffold(tmp_path_factory) -> Path:
    """A `hallbuilder new` project, made once per session."""
    target = tmp_path_factory.mktemp("small") / "hall"
    create_project(target)
    return target


@pytest.fixture
def hall(small_scaffold: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(small_scaffold, tmp_path / "hall"))


@pytest.fixture
def snapshot():
    """snapshot(folder): every file of a folder with its bytes, to prove a folder did not change."""

    def take(folder: Path) -> dict[str, bytes]:
        return {
            str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*"))
            if path.is_file()
        }

    return take
