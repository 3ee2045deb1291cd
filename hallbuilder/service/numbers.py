"""One way to read a whole number from a form, query or header, so hostile text gets a 400, never a 500.

`str.isdigit()` accepts `²` and `٣`, which `int()` then refuses, and `int()` refuses more than 4300 digits:
both were server errors. Only ASCII digits up to the largest id the database holds are read here.
"""

from __future__ import annotations

from flask import abort

LARGEST_ID = 2**62  # ids are 64-bit integers in the database; route converters use the same bound
_MOST_DIGITS = len(str(LARGEST_ID))


def whole_number(raw: str | None, most: int = LARGEST_ID) -> int | None:
    """`raw` as an int from 0 to `most`, or None when it is anything else (`²`, `-1`, 5000 digits, empty)."""
    text = (raw or "").strip()
    if not text or len(text) > _MOST_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value <= most else None


def number_or_400(name: str, raw: str | None, least: int = 0, most: int = LARGEST_ID) -> int:
    """`whole_number()` from `least` to `most`, else a 400 that names the field and shows what was sent."""
    value = whole_number(raw, most)
    if value is None or value < least:
        shown = (raw or "")[:20] + ("…" if len(raw or "") > 20 else "")
        wanted = "a number such as 12" if most == LARGEST_ID else f"a whole number from {least} to {most}"
        abort(400, f"{name}: expected {wanted}, got {shown!r}.")
    return value


def numbers_or_400(name: str, values: list[str]) -> list[int]:
    """Every value of a repeated form field (checkboxes such as `ids`) as ids; 400 on the first bad one."""
    return [number_or_400(name, value) for value in values]
