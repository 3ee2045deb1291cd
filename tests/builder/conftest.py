from pathlib import Path

import pytest


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
