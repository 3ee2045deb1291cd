"""Turn marshmallow's nested error dicts into one readable line per problem, with the line in hall.yaml.

`hall.yaml:14 scenes[1].hotspots[0].target: no scene 'corridr' (did you mean 'corridor'?)`
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema, fields

from hallbuilder.config.dates import impossible_date
from hallbuilder.config.source import KeyPath, YamlSource


@dataclass(frozen=True)
class Problem:
    path: KeyPath
    message: str


def format_path(path: KeyPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), [str(choice) for choice in choices], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value) if isinstance(value, str) else str(value)


def flatten(messages: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Yield (path, marshmallow message) from a nested error dict; Dict fields' 'value' level is dropped."""
    if isinstance(messages, dict):
        for key, inner in messages.items():
            if (key in ("value", "key") and path) or key == "_schema":
                yield from flatten(inner, path)
            else:
                yield from flatten(inner, (*path, key))
    elif isinstance(messages, list):
        for message in messages:
            yield from flatten(message, path)
    else:
        yield path, str(messages)


def schema_fields_at(schema: Schema, path: KeyPath) -> dict[str, fields.Field]:
    """The fields a mapping at `path` may have (for 'did you mean' on unknown keys)."""
    current: Schema | None = schema
    field: fields.Field | None = None
    for part in path:
        if isinstance(part, int):
            continue
        if field is not None and isinstance(field, fields.Dict):
            field = field.value_field
            current = field.schema if isinstance(field, fields.Nested) else None
            continue
        if current is None or part not in current.fields:
            return {}
        field = current.fields[part]
        while isinstance(field, fields.List):
            field = field.inner
        current = field.schema if isinstance(field, fields.Nested) else None
        if isinstance(field, fields.Dict):
            current = None
    return dict(current.fields) if current is not None else {}


TYPE_MESSAGES = {
    "Not a valid number.": "expected a number",
    "Not a valid integer.": "expected a whole number",
    "Not a valid string.": "expected a text",
    "Not a valid list.": "expected a list (items starting with '- ')",
    "Not a valid date.": "expected a date such as 2026-11-01",
    "Not a valid mapping type.": "expected keys under it",
    "Invalid input type.": "expected keys under it",
    "Invalid type.": "expected a text",
}


def rewrite(schema: Schema, source: YamlSource, path: KeyPath, message: str) -> str:
    """Make marshmallow's generic messages say what was expected and what was found."""
    if message == "Unknown field.":
        known = schema_fields_at(schema, path[:-1])
        if " " in str(path[-1]):
            return "unknown key: inside { } a comma ends a text; put a text that has commas in quotes"
        return f"unknown key{did_you_mean(str(path[-1]), known)}"
    if message == "Missing data for required field.":
        return "required key is missing"
    if message == "Field may not be null.":
        return "is empty; give a value or remove the key"
    if message == "Not a valid date." and (why := impossible_date(source.value_at(path))):
        return why
    if message in TYPE_MESSAGES:
        return f"{TYPE_MESSAGES[message]}, got {describe(source.value_at(path))}"
    if message.startswith("Must be greater than or equal to") or message.startswith("Must be less than"):
        return f"{message.rstrip('.').lower()}, got {describe(source.value_at(path))}"
    return message


def render(problems: Iterable[Problem], source: YamlSource) -> list[str]:
    """One line per problem, sorted by their place in the file."""
    rows = []
    for problem in problems:
        line = source.line_of(problem.path)
        where = f"{source.name}:{line}" if line else source.name
        label = format_path(problem.path)
        rows.append(
            (line or 0, f"{where} {label}: {problem.message}" if label else f"{where}: {problem.message}")
        )
    rows.sort(key=lambda row: row[0])
    seen: list[str] = []
    for _, text in rows:
        if text not in seen:
            seen.append(text)
    return seen
