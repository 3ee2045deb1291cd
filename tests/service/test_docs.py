"""Every environment variable of config.py is documented in docs/service.md, and the reverse."""

from __future__ import annotations

import re
from pathlib import Path

from hallbuilder.service import config

DOC = Path(__file__).resolve().parents[2] / "docs" / "service.md"
VARIABLE = re.compile(r"``?((?:HALLBUILDER_|DATABASE_|REDIS_)[A-Z_]+)``?")  # REDIS_: none may be documented


def test_environment_variables_are_documented_in_both_places():
    in_module = set(VARIABLE.findall(config.__doc__))
    in_docs = set(VARIABLE.findall(DOC.read_text("utf-8")))
    read = set(re.findall(r'"((?:HALLBUILDER_|DATABASE_)[A-Z_]+)"', Path(config.__file__).read_text("utf-8")))
    assert read <= in_module, f"read but not in config.py's docstring: {sorted(read - in_module)}"
    assert in_module <= read, f"documented but never read: {sorted(in_module - read)}"
    assert in_module == in_docs, sorted(in_module ^ in_docs)
