"""Write checked texts into the round-trip documents, check the new files with the loader, then replace them.

Texts go through the comment-keeping parser of the edit mode; a single text becomes a map of languages. The
new files are written beside the old ones and checked by the loader; only when every one loads are they
replaced (atomically, one by one; the previous versions are kept as .<name>.bak).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString

from hallbuilder.config.checks import scene_ids_of
from hallbuilder.config.edit import round_trip_parser
from hallbuilder.config.load import CONFIG_NAME
from hallbuilder.config.project import load_hall
from hallbuilder.config.showcase import check_showcase, read_showcase_files, rooms_of
from hallbuilder.config.source import read_yaml, to_plain
from hallbuilder.config.translations.table import LANGUAGE_KEYED, TextFile, TextRow, hall_languages
from hallbuilder.errors import ConfigError


def same_style(old: Any, new: str) -> str:
    """The new text quoted as the old one was (staff's quotes stay)."""
    return type(old)(new) if isinstance(old, ScalarString) else new


def position(mapping: dict, code: str, languages: list[str]) -> int:
    before = languages[: languages.index(code)]
    return len([key for key in mapping if key in before])


def text_map(texts: dict[str, str]) -> CommentedMap:
    """A new map of texts: on one line `{zh-CN: …, en: …}`, or one language a line when a text has line breaks."""
    if not any("\n" in str(text) for text in texts.values()):
        mapping = CommentedMap(texts)
        mapping.fa.set_flow_style()
        return mapping
    return CommentedMap(
        (code, LiteralScalarString(str(text)) if "\n" in str(text) else text) for code, text in texts.items()
    )


def set_texts(parent: Any, name: str, changed: dict[str, str], languages: list[str]) -> None:
    """Write a text's new languages: into its map, or turn a single text into a map of languages."""
    current = parent[name]
    if not isinstance(current, dict):
        merged = {languages[0]: current} | changed
        if list(merged) == [languages[0]]:
            parent[name] = same_style(current, merged[languages[0]])
            return
        parent[name] = text_map({code: merged[code] for code in languages if code in merged})
        return
    block = not current.fa.flow_style()
    for code, text in changed.items():
        value = LiteralScalarString(text) if block and "\n" in text else text
        if code in current:
            current[code] = same_style(current[code], text) if value is text else value
        else:
            current.insert(position(current, code, languages), code, value)


def set_transcripts(narration: Any, changed: dict[str, str], languages: list[str]) -> None:
    transcript = LANGUAGE_KEYED["narration"]
    for code, text in changed.items():
        entry = narration.get(code)
        if isinstance(entry, dict):
            entry[transcript] = same_style(entry.get(transcript), text)
        else:
            entry = CommentedMap({transcript: text})
            entry.fa.set_flow_style()
            narration.insert(position(narration, code, languages), code, entry)


def parent_of(document: Any, row: TextRow) -> Any:
    node = document
    for part in row.path[:-1]:
        node = node[part]
    return node


def apply_changes(files: list[TextFile], planned: list, languages: list[str]) -> dict[str, str]:
    """The changed files' new texts (name -> YAML text); `files`' documents are changed in place."""
    by_name = {item.name: item for item in files}
    for row, changed in planned:
        parent = parent_of(by_name[row.file].document, row)
        if row.kind == "transcript":
            set_transcripts(parent[row.path[-1]], changed, languages)
        else:
            set_texts(parent, row.path[-1], changed, languages)
    written = {}
    for name in dict.fromkeys(row.file for row, _ in planned):
        item, buffer = by_name[name], io.StringIO()
        round_trip_parser(item.text).dump(item.document, buffer)
        written[name] = buffer.getvalue()
    return written


def check_candidates(project_dir: Path, files: list[TextFile], written: dict[str, str]) -> dict[Path, Path]:
    """Write each new text beside its file and check it with the loader; the candidates by the file they replace."""
    candidates = {}
    try:
        for item in files:
            if item.name in written:
                candidate = item.path.with_name(f".{item.path.stem}-translations.yaml")
                candidate.write_text(written[item.name], "utf-8")
                candidates[item.path] = candidate
        problems = candidate_problems(project_dir, files, candidates)
    except BaseException:
        remove(candidates.values())
        raise
    if problems:
        remove(candidates.values())
        raise ConfigError("the imported texts would not load; nothing was changed", problems=problems)
    return candidates


def candidate_problems(project_dir: Path, files: list[TextFile], candidates: dict[Path, Path]) -> list[str]:
    problems: list[str] = []
    hall_path = project_dir / CONFIG_NAME
    try:
        load_hall(candidates.get(hall_path, hall_path))
    except ConfigError as error:
        return error.lines()
    languages, hall_scenes = hall_languages(files), scene_ids_of(to_plain(files[0].document))
    rooms = rooms_of(read_showcase_files(project_dir))
    for item in files[1:]:
        if item.path not in candidates:
            continue
        folder = item.path.parent
        others = [ident for other, ids in rooms.items() if other != folder for ident in ids]
        try:
            source = read_yaml(candidates[item.path], item.name)
        except ConfigError as error:
            problems += error.lines()
            continue
        _, found = check_showcase(
            folder, source, languages, hall_scenes, [other.name for other in rooms], others, {}
        )
        problems += found
    return problems


def remove(paths) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def replace_all(candidates: dict[Path, Path]) -> None:
    for target, candidate in candidates.items():
        target.with_name(f".{target.name}.bak").write_bytes(target.read_bytes())
        os.replace(candidate, target)
