"""What each printed card says, read from a built tour: titles and calls to action in the hall's languages,
the link its QR code holds and the picture beside it. Pure: no PDF here (layout.py draws it)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from hallbuilder.errors import PublishError

# Calls to action by kind of card, in each written form the posters know
ACTIONS = {
    "hall": {"zh-Hans": "扫码参观", "zh-Hant": "掃碼參觀", "en": "Scan to visit"},
    "scene": {
        "zh-Hans": "扫码看 360° 全景",
        "zh-Hant": "掃碼看 360° 全景",
        "en": "Scan to look around in 360°",
    },
    "listen": {"zh-Hans": "扫码收听讲解", "zh-Hant": "掃碼收聽講解", "en": "Scan to listen"},
}
MAX_LINES = 3  # of a title or a call to action: more languages would not fit a table card


@dataclass(frozen=True)
class Line:
    """One text in one language (the language picks the font: Traditional Chinese is set in Noto Sans TC)."""

    language: str
    text: str


@dataclass(frozen=True)
class Card:
    stem: str  # as the QR code files: hall, scene-<id>, listen-<id>
    kind: str  # hall, scene or listen
    link: str
    heading: tuple[Line, ...]  # small, above the picture: the hall's name (its subtitle on the hall's card)
    title: tuple[Line, ...]
    action: tuple[Line, ...]
    image: Path | None  # a JPEG of the built tour


def written_form(language: str) -> str | None:
    """zh-Hans, zh-Hant or en for a hall language (Cantonese is written in Traditional characters)."""
    code = language.lower()
    if code == "yue" or code.startswith("yue-") or any(tag in code for tag in ("hant", "-tw", "-hk", "-mo")):
        return "zh-Hant"
    if code.startswith("zh"):
        return "zh-Hans"
    return "en" if code.startswith("en") else None


def text_lines(text: dict[str, str] | None, languages: list[str]) -> tuple[Line, ...]:
    """A text map in the hall's language order, each distinct text once."""
    lines: list[Line] = []
    for language in languages:
        value = (text or {}).get(language)
        if value and value.strip() and value.strip() not in [line.text for line in lines]:
            lines.append(Line(language, value.strip()))
    return tuple(lines[:MAX_LINES])


def action_lines(kind: str, languages: list[str]) -> tuple[Line, ...]:
    """The call to action in each of the hall's written forms; English when the posters know none of them."""
    forms = list(dict.fromkeys(form for form in map(written_form, languages) if form)) or ["en"]
    return tuple(Line(form, ACTIONS[kind][form]) for form in forms[:MAX_LINES])


def existing(dist: Path, relative: str | None) -> Path | None:
    path = dist / relative if relative else None
    return path if path and path.suffix.lower() in (".jpg", ".jpeg") and path.is_file() else None


def scene_image(dist: Path, scene: dict) -> Path | None:
    """The scene's initial view (a flat 1024 × 576 picture), else its 2:1 thumbnail."""
    panorama = scene.get("panorama") or {}
    return existing(dist, (panorama.get("preview") or {}).get("src")) or existing(dist, panorama.get("thumb"))


def read_cards(dist: Path, links: dict[str, str]) -> list[Card]:
    """One card per link (`qr.links`): the hall's, each scene's and each narrated scene's listen card."""
    manifest = dist / "tour.json"
    try:
        return cards_of(dist, json.loads(manifest.read_text(encoding="utf-8")), links)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, StopIteration):
        raise PublishError(
            f"{manifest}: not a tour.json written by `hallbuilder build`: build again."
        ) from None


def cards_of(dist: Path, tour: dict, links: dict[str, str]) -> list[Card]:
    hall, scenes = tour["hall"], {scene["id"]: scene for scene in tour["scenes"]}
    languages = list(hall.get("languages") or [])
    hall_name = text_lines(hall.get("title"), languages)
    cover = existing(dist, (hall.get("cover") or {}).get("src"))
    cards = []
    for stem, link in links.items():
        kind, _, scene_id = stem.partition("-")
        if kind == "hall":
            start = scenes.get(hall.get("start")) or next(iter(scenes.values()))
            heading = text_lines(hall.get("subtitle"), languages)
            title, image = hall_name, cover or scene_image(dist, start)
        else:
            scene = scenes[scene_id]
            heading, title, image = (
                hall_name,
                text_lines(scene.get("title"), languages),
                scene_image(dist, scene),
            )
        cards.append(Card(stem, kind, link, heading, title, action_lines(kind, languages), image))
    return cards
