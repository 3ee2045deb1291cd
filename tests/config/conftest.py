from pathlib import Path

import pytest


@pytest.fixture
def project(hall: Path) -> Path:
    """A fresh `hallbuilder new` project (the shared `hall` fixture, named for what these tests edit)."""
    return hall


@pytest.fixture
def edit(project: Path):
    """edit(old, new): replace the first occurrence of `old` in the project's hall.yaml."""

    def replace(old: str, new: str) -> None:
        config = project / "hall.yaml"
        text = config.read_text("utf-8")
        assert old in text, f"{old!r} is not in hall.yaml"
        config.write_text(text.replace(old, new, 1), "utf-8")

    return replace
