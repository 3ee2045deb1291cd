"""docs/publish.md documents every option of `publish` and `qr`."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallbuilder.commands.publish import publish
from hallbuilder.commands.qr import qr

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "publish.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [publish, qr], ids=["publish", "qr"])
def test_every_option_is_documented(command):
    options = [name for parameter in command.params for name in parameter.opts if name.startswith("--")]
    assert options and [name for name in options if f"`{name}" not in DOCS] == []
