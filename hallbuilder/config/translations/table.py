"""The translation table: every text of hall.yaml and of every showcase.yaml, one row each, one column per language.

Rows are read from the round-trip YAML (not the loaded model) because they need each text's line, and the import
writes back into the same documents. A row's key names items by their id where they have one
(`scenes[lobby].hotspots[founding-exhibit].title`), by their position otherwise (`announcements[0].text`), so a
table filled in while scenes were reordered still lands on the right texts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marshmallow import Schema, fields

from hallbuilder.config.edit import round_trip_parser
from hallbuilder.config.fields import Text
from hallbuilder.config.load import CONFIG_NAME
from hallbuilder.config.schema import HallConfigSchema
from hallbuilder.config.showcase import ShowcaseSchema, showcase_folders, showcase_name
from hallbuilder.config.source import KeyPath, YamlSource

# a map language -> {transcript: ...}: one row whose columns are the transcripts
LANGUAGE_KEYED = {"narration": "transcript"}


@dataclass
class TextRow:
    """One text in every language: `path` is where it sits in `file` (the studio links to it), `key` its name."""

    file: str
    key: str
    path: KeyPath
    line: int | None
    texts: dict[str, str]
    kind: str = "text"  # "text": a text or a map of texts; "transcript": narration's per-language transcripts

    def missing(self, languages: list[str]) -> list[str]:
        return [code for code in languages if not self.texts.get(code, "").strip()]


@dataclass
class TextFile:
    """One YAML file of the project as the round-trip parser read it, ready to be changed and written back."""

    name: str
    path: Path
    text: str
    document: Any
    schema: Schema = field(repr=False)

    @property
    def source(self) -> YamlSource:
        return YamlSource(self.name, self.document)


def read_text_file(path: Path, name: str, schema: Schema) -> TextFile:
    text = path.read_text("utf-8")
    return TextFile(name, path, text, round_trip_parser(text).load(text) or {}, schema)


def project_files(project_dir: Path) -> list[TextFile]:
    """hall.yaml, then every showcases/<branch>/showcase.yaml in name order."""
    files = [read_text_file(project_dir / CONFIG_NAME, CONFIG_NAME, HallConfigSchema())]
    for folder in showcase_folders(project_dir):
        files.append(read_text_file(folder / "showcase.yaml", showcase_name(folder), ShowcaseSchema()))
    return files


def segment(items: list, index: int) -> str:
    """How a key names a list item: its id, else its position."""
    item = items[index]
    ident = item.get("id") if isinstance(item, dict) else None
    return f"[{ident}]" if isinstance(ident, str) else f"[{index}]"


def walk(schema: Schema, node: Any, path: KeyPath = (), key: str = "") -> Iterator[tuple[KeyPath, str, str]]:
    """(path, key, kind) of every text under `node`, in file order, found through the schema's Text fields."""
    if not isinstance(node, dict):
        return
    for name, value in node.items():
        field_ = schema.fields.get(str(name))
        here, named = (*path, name), f"{key}.{name}" if key else str(name)
        if field_ is None or value is None:
            continue
        if isinstance(field_, Text):
            yield here, named, "text"
        elif name in LANGUAGE_KEYED and isinstance(value, dict) and value:
            yield here, named, "transcript"
        elif isinstance(field_, fields.Nested):
            yield from walk(field_.schema, value, here, named)
        elif isinstance(field_, fields.List) and isinstance(field_.inner, fields.Nested):
            for index, item in enumerate(value if isinstance(value, list) else []):
                yield from walk(field_.inner.schema, item, (*here, index), named + segment(value, index))


def texts_at(value: Any, kind: str, default_language: str) -> dict[str, str]:
    """The texts of one row, language -> text; a single text is the default language's."""
    if kind == "transcript":
        transcript = LANGUAGE_KEYED["narration"]
        return {
            str(code): str(entry[transcript])
            for code, entry in value.items()
            if isinstance(entry, dict) and entry.get(transcript) is not None
        }
    if isinstance(value, dict):
        return {str(code): str(text) for code, text in value.items()}
    return {default_language: str(value)}


def file_rows(text_file: TextFile, languages: list[str]) -> list[TextRow]:
    source = text_file.source
    return [
        TextRow(
            file=text_file.name,
            key=key,
            path=path,
            line=source.line_of(path),
            texts=texts_at(source.value_at(path), kind, languages[0]),
            kind=kind,
        )
        for path, key, kind in walk(text_file.schema, text_file.document)
    ]


def hall_languages(files: list[TextFile]) -> list[str]:
    hall = files[0].document.get("hall") or {}
    return [str(code) for code in hall.get("languages") or ["zh-CN"]]


@dataclass
class TranslationTable:
    languages: list[str]
    rows: list[TextRow]

    def missing_count(self) -> int:
        return sum(len(row.missing(self.languages)) for row in self.rows)

    def as_dict(self) -> dict[str, Any]:
        """The table as JSON-ready data (what the studio's table shows)."""
        return {
            "languages": self.languages,
            "rows": [
                {
                    "key": row.key,
                    "file": row.file,
                    "line": row.line,
                    "path": list(row.path),
                    "kind": row.kind,
                    "texts": row.texts,
                    "missing": row.missing(self.languages),
                }
                for row in self.rows
            ],
        }


def translation_table(project_dir: Path, files: list[TextFile] | None = None) -> TranslationTable:
    """Every text of the project (hall.yaml first, then the showcases), one row each."""
    files = files if files is not None else project_files(project_dir)
    languages = hall_languages(files)
    return TranslationTable(languages, [row for item in files for row in file_rows(item, languages)])
