""" "Done means shipped": what a visitor would miss in a hall that loads fine, listed before publishing.

Each item names its file, line and key path (the studio links to the field that fixes it) and says what to do
in zh-CN and en. These are warnings, never errors: a hall with items still builds and publishes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hallbuilder.config.checks import items
from hallbuilder.config.load import config_file
from hallbuilder.config.problems import format_path
from hallbuilder.config.source import KeyPath, YamlSource, to_plain
from hallbuilder.config.translations.table import TranslationTable, project_files, translation_table


@dataclass(frozen=True)
class ReadyItem:
    """One thing a visitor would miss; `code` names the kind (missing-text, unreachable-scene, ...)."""

    code: str
    file: str
    line: int | None
    path: KeyPath
    message: dict[str, str]  # zh-CN and en

    @property
    def key(self) -> str:
        return format_path(self.path)

    def text(self, language: str = "en") -> str:
        """`hall.yaml:12 scenes[0].title: message`, as `hallbuilder check` writes its lines."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        message = self.message.get(language) or self.message["en"]
        return f"{where} {self.key}: {message}" if self.path else f"{where}: {message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "key": self.key,
            "path": list(self.path),
            "message": self.message,
        }


@dataclass
class Document:
    """One file of the project as the checks read it: its source (lines) and its plain data."""

    source: YamlSource
    data: dict[str, Any]

    def item(self, code: str, path: KeyPath, zh: str, en: str) -> ReadyItem:
        return ReadyItem(code, self.source.name, self.source.line_of(path), path, {"zh-CN": zh, "en": en})


def missing_texts(table: TranslationTable, by_file: dict[str, Document]) -> Iterator[ReadyItem]:
    for row in table.rows:
        missing = row.missing(table.languages)
        if missing and row.kind == "text":  # narration's gaps are narration_gaps' items
            codes = ", ".join(missing)
            yield by_file[row.file].item(
                "missing-text",
                row.path,
                f"缺少 {codes} 文本：用这些语言参观的观众看不到它；请补上（或用 hallbuilder translations 导出给译者）",
                f"no {codes} text: visitors in that language see none; add it (or export the table for a "
                "translator with `hallbuilder translations export`)",
            )


def scenes_of(documents: list[Document]) -> Iterator[tuple[Document, int, dict[str, Any]]]:
    for document in documents:
        for index, scene in items(document.data.get("scenes")):
            yield document, index, scene


def unreachable_scenes(documents: list[Document], start: str) -> Iterator[ReadyItem]:
    """Scenes of hall.yaml that no link leads to (the start scene needs none)."""
    targets = {
        hotspot.get("target")
        for _, _, scene in scenes_of(documents)
        for _, hotspot in items(scene.get("hotspots"))
        if hotspot.get("type") == "link"
    }
    hall = documents[0]
    for index, scene in items(hall.data.get("scenes")):
        if scene["id"] != start and scene["id"] not in targets:
            yield hall.item(
                "unreachable-scene",
                ("scenes", index),
                f"没有热点通往场景 '{scene['id']}'：观众走不到这里；在相邻场景加一个 link 热点指向它",
                f"no hotspot leads to scene '{scene['id']}': visitors cannot walk there; add a link hotspot "
                "to it in a neighbouring scene",
            )


def narration_gaps(documents: list[Document], languages: list[str]) -> Iterator[ReadyItem]:
    """Narration without a transcript (deaf visitors, captions), and narration missing in a hall language."""
    for document, index, scene in scenes_of(documents):
        narration = scene.get("narration") or {}
        for code, entry in narration.items():
            if entry.get("audio") and not str(entry.get("transcript") or "").strip():
                yield document.item(
                    "narration-without-transcript",
                    ("scenes", index, "narration", code),
                    f"{code} 讲解没有文字稿：听不到声音的观众和字幕都缺它；加上 transcript",
                    f"the {code} narration has no transcript: visitors who cannot listen and the captions miss "
                    "it; add a transcript",
                )
        missing = [code for code in languages if narration and code not in narration]
        if missing:
            codes = ", ".join(missing)
            yield document.item(
                "narration-missing-language",
                ("scenes", index, "narration"),
                f"场景 '{scene['id']}' 没有 {codes} 讲解：用这些语言参观的观众听不到；录一段或至少写上文字稿",
                f"scene '{scene['id']}' has no {codes} narration: visitors in that language hear nothing; "
                "record it or give at least a transcript",
            )


def unlabelled_hotspots(documents: list[Document]) -> Iterator[ReadyItem]:
    """Info hotspots with neither title nor label: the viewer can only show their id."""
    for document, index, scene in scenes_of(documents):
        for h_index, hotspot in items(scene.get("hotspots")):
            if hotspot.get("type") == "info" and not hotspot.get("title") and not hotspot.get("label"):
                yield document.item(
                    "hotspot-without-title",
                    ("scenes", index, "hotspots", h_index),
                    "这个信息热点没有标题：观众只看到它的编号；加上 title",
                    "this info hotspot has no title: visitors see only its id; add a title",
                )


def hall_gaps(hall: Document) -> Iterator[ReadyItem]:
    data = hall.data
    if not data["hall"].get("url"):
        yield hall.item(
            "missing-url",
            ("hall",),
            "没有 hall.url：分享卡片没有图片和地址，二维码需要 --url；在 hall: 下写上发布地址，如 url: https://example.org/my-hall/",
            "hall.url is not set: shared links show no picture and no address, and QR codes need --url; add "
            "the published address under hall:, e.g. url: https://example.org/my-hall/",
        )
    if not data["hall"].get("cover"):
        yield hall.item(
            "missing-cover",
            ("hall",),
            "没有封面图 hall.cover：封面页和分享卡片没有图片；在 hall: 下写上 cover: media/cover.jpg",
            "no cover image (hall.cover): the cover page and share cards have no picture; add e.g. "
            "cover: media/cover.jpg under hall:",
        )
    points = (data.get("floorplan") or {}).get("points")
    for _, scene in items(hall.data.get("scenes")):
        if points is not None and scene["id"] not in points:
            yield hall.item(
                "missing-floorplan-point",
                ("floorplan", "points"),
                f"场景 '{scene['id']}' 不在平面图上：观众在地图上找不到它；在 floorplan.points 下加上它的位置",
                f"scene '{scene['id']}' is not on the floor plan: visitors cannot find it on the map; add "
                "its place under floorplan.points",
            )


def readiness(project_dir: Path) -> list[ReadyItem]:
    """Everything a visitor would miss in a project that loads, hall.yaml's items first, each file's in line
    order. Read from the files themselves (lines for every item), as the translation table is."""
    files = project_files(project_dir)
    documents = [Document(item.source, to_plain(item.document)) for item in files]
    hall, by_file = documents[0], {document.source.name: document for document in documents}
    table = translation_table(project_dir, files)
    scenes = [scene for _, scene in items(hall.data.get("scenes"))]
    start = hall.data["hall"].get("start") or (scenes[0]["id"] if scenes else "")
    found = [
        *hall_gaps(hall),
        *missing_texts(table, by_file),
        *unreachable_scenes(documents, start),
        *narration_gaps(documents, table.languages),
        *unlabelled_hotspots(documents),
    ]
    order = {name: position for position, name in enumerate(by_file)}
    return sorted(found, key=lambda item: (order[item.file], item.line or 0))


def project_readiness(project: Path) -> list[ReadyItem]:
    """The list for a project, after checking that it loads (a ConfigError with every problem if not)."""
    from hallbuilder.config.project import load_project

    project_dir = config_file(Path(project)).parent
    load_project(project_dir)
    return readiness(project_dir)
