"""The loader's problem lines (`hall.yaml:14 scenes[1].title.en: ...`) as JSON the page can put by a field.

The lines are what `hallbuilder check` prints, kept word for word in `message`; `path` is the key as a list
(["scenes", 1, "title", "en"]) so the page can find the field at fault, `line` the line in the file.
"""

from __future__ import annotations

import re
from typing import Any

LINE = re.compile(r"^(?P<file>[^\s:]+)(?::(?P<line>\d+))?(?: (?P<key>[^\s:]+))?: (?P<message>.*)$", re.DOTALL)
PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def key_path(key: str) -> list[str | int]:
    """'scenes[1].title.en' → ['scenes', 1, 'title', 'en']."""
    return [int(index) if index else name for index, name in PART.findall(key)]


def problem_json(line: str) -> dict[str, Any]:
    match = LINE.match(line)
    if not match:
        return {"file": None, "key": None, "path": [], "line": None, "message": line}
    key = match["key"]
    return {
        "file": match["file"],
        "key": key,
        "path": key_path(key) if key else [],
        "line": int(match["line"]) if match["line"] else None,
        "message": line,
    }


def problems_json(lines: list[str]) -> list[dict[str, Any]]:
    return [problem_json(line) for line in lines]
