"""Read a YAML file keeping where every key and item sits, so each problem can name its line.

ruamel.yaml is used (not PyYAML) because it records line numbers for every mapping key and sequence item, and
because it can later write a file back with its comments kept (edit-mode saves into hall.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from hallbuilder.config.yaml_hints import explain_syntax_error
from hallbuilder.errors import ConfigError

KeyPath = tuple[str | int, ...]


@dataclass
class YamlSource:
    """A parsed YAML document plus the name to show in messages (e.g. `hall.yaml`)."""

    name: str
    document: Any

    def line_of(self, path: KeyPath) -> int | None:
        """1-based line of the deepest part of `path` that exists in the document."""
        node, line = self.document, None
        for part in path:
            found = _child_line(node, part)
            if found is None:
                break
            line = found
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
        return line if line is not None else (1 if path else None)

    def value_at(self, path: KeyPath) -> Any:
        node = self.document
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node


def _child_line(node: Any, part: str | int) -> int | None:
    info = getattr(node, "lc", None)
    if info is None:
        return None
    try:
        if isinstance(part, int):
            return info.item(part)[0] + 1
        return info.key(part)[0] + 1
    except (KeyError, IndexError, TypeError):
        return None


class TextDatesConstructor(RoundTripConstructor):
    """Dates stay text here: the schema parses them, so `2026-13-01` is a message with its line, not a crash."""


TextDatesConstructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def new_parser() -> YAML:
    parser = YAML(typ="rt")
    parser.Constructor = TextDatesConstructor
    return parser


def read_yaml(path: Path, name: str) -> YamlSource:
    """Parse `path`; a syntax error becomes one ConfigError line `name:LINE: what is wrong`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{name}: file not found: {path}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{name}: not UTF-8 text; save the file as UTF-8 and try again") from None
    try:
        document = new_parser().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{name}:{mark.line + 1}" if mark else name
        problem = error.problem or error.context or "invalid YAML"
        explained = explain_syntax_error(
            problem, text, mark.line if mark else None, mark.column if mark else 0
        )
        raise ConfigError(f"{where}: {explained}") from None
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise ConfigError(f"{name}:1: expected keys such as `hall:` and `scenes:` at the top level")
    return YamlSource(name=name, document=document)


def read_yaml_or_problems(path: Path, name: str) -> tuple[YamlSource | None, list[str]]:
    """read_yaml, with a file that cannot be read given back as its problem lines (to report with others)."""
    try:
        return read_yaml(path, name), []
    except ConfigError as error:
        return None, error.lines()


def to_plain(value: Any) -> Any:
    """ruamel's commented containers → plain dicts and lists (what marshmallow and json expect)."""
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    return value
