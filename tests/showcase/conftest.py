"""A `hallbuilder new` project per test, and helpers to write a branch's showcase into it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_service import login, migrated_template, service_app  # noqa: F401
from PIL import Image


@pytest.fixture(autouse=True)
def cheap_passwords(cheap_password_hashing) -> None:
    """Every test here: tests/conftest.py:cheap_password_hashing."""


@pytest.fixture
def write_showcase(hall: Path):
    """write_showcase(branch, yaml_text, files=(...)): a showcase folder with small pictures at `files`."""

    def write(branch: str, text: str, files: tuple[str, ...] = ()) -> Path:
        folder = hall / "showcases" / branch
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "showcase.yaml").write_text(text, "utf-8")
        for index, relative in enumerate(files):
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (64, 40), (index * 60 % 255, 80, 160)).save(folder / relative)
        return folder

    return write
