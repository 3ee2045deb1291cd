import shutil
from pathlib import Path

import pytest

from hallbuilder.commands.new import create_project


@pytest.fixture(scope="session")
def scaffold(tmp_path_factory) -> Path:
    """One `hallbuilder new` project per session (rendering its placeholder photos takes a second)."""
    target = tmp_path_factory.mktemp("scaffold") / "hall"
    create_project(target)
    return target


@pytest.fixture
def project(scaffold: Path, tmp_path: Path) -> Path:
    """A fresh copy of a `hallbuilder new` project (valid, with two rendered placeholder photos)."""
    return Path(shutil.copytree(scaffold, tmp_path / "hall"))


@pytest.fixture
def edit(project: Path):
    """edit(old, new): replace the first occurrence of `old` in the project's hall.yaml."""

    def replace(old: str, new: str) -> None:
        config = project / "hall.yaml"
        text = config.read_text("utf-8")
        assert old in text, f"{old!r} is not in hall.yaml"
        config.write_text(text.replace(old, new, 1), "utf-8")

    return replace
