"""Plain hints for YAML syntax errors, pointing at the real cause: a key indented too far or not far enough,
a text with ': ' that needs quotes, a tab.

YAML's own words ("expected <block end>, but found '?'") say where the parser gave up, not what to change;
these hints compare the line with the one above it, which is where staff look.
"""

from __future__ import annotations

import re

QUOTES = "a text that contains ': ' must be put in quotes"
TABS = "use spaces, not tabs, to indent"
GENERIC = "check indentation and quotes"
_ITEM = re.compile(r"^(\s*)(-\s+)*")


def key_column(line: str) -> int:
    """Where the key of a line starts: after its indentation and any list dashes (`  - id:` -> 4)."""
    match = _ITEM.match(line)
    return match.end() if match else 0  # the pattern matches every line: each part of it is optional


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def content_line_above(lines: list[str], index: int) -> int | None:
    """The nearest line above `index` that holds YAML (not blank, not only a comment)."""
    for above in range(index - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            return above
    return None


def indentation_hint(lines: list[str], index: int) -> str | None:
    """'indented further/less than the line above' when the line's key is out of step with that line."""
    above = content_line_above(lines, index)
    if above is None or index >= len(lines):
        return None
    here, there = indentation(lines[index]), key_column(lines[above])
    if here == there:
        return None
    way = "more" if here > there else "less"
    return (
        f"wrong indentation: this line is indented {way} ({here} spaces) than the key on line {above + 1} "
        f"({there} spaces); the keys of one group (a scene, a hotspot …) start in the same column"
    )


def explain_syntax_error(problem: str, text: str, line: int | None, column: int) -> str:
    """What to tell staff about YAML's `problem` found at 0-based `line`, `column` of `text`."""
    lines = text.splitlines()
    hint = GENERIC
    if problem == "found character '\\t' that cannot start any token":
        hint = TABS
    elif problem == "mapping values are not allowed here" and line is not None:
        # the colon of the line's own key: the line continues the value above, so it is indented too far
        own_key = 0 <= line < len(lines) and lines[line].find(":") == column
        indented = indentation_hint(lines, line) if own_key else None
        if indented:
            return indented
        hint = QUOTES
    elif problem.startswith("expected <block end>") and line is not None:
        indented = indentation_hint(lines, line)
        if indented:
            return indented
    return f"YAML syntax error: {problem} ({hint})"
