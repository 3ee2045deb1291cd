"""The poster files: `posters.pdf` with every card (the A4 posters, then the A6 table cards), each card
alone in `cards/<stem>-a4.pdf` and `cards/<stem>-a6.pdf`, to print only the ones needed, and
`table-cards-on-a4.pdf` with the A6 cards four to an A4 sheet, for an office printer."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from fpdf import FPDF

from hallbuilder.errors import PublishError
from hallbuilder.publish.posters.cards import Card, Line, read_cards
from hallbuilder.publish.posters.fonts import cut_fonts, family
from hallbuilder.publish.posters.layout import A4, A6, SEPARATOR, PageSize, draw_card, draw_sheets

SIZES = (A4, A6)
SHEETS = "table-cards-on-a4.pdf"


def new_document(title: str, language: str, fonts: dict[str, Path]) -> FPDF:
    """A PDF with the fonts added (each embedded as a subset of the glyphs used: a few kB per card)."""
    pdf = FPDF(unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.c_margin = 0  # texts are placed exactly where layout.py puts them
    for name, path in fonts.items():
        pdf.add_font(name, fname=str(path))
    pdf.set_title(title)
    pdf.set_creator("hallbuilder")
    pdf.set_lang(language)
    return pdf


def write_document(
    path: Path, title: str, language: str, fonts: dict[str, Path], draw: Callable[[FPDF], None]
) -> None:
    pdf = new_document(title, language, fonts)
    draw(pdf)
    pdf.output(str(path))


def pages(*cards: tuple[Card, PageSize]) -> Callable[[FPDF], None]:
    """Draws each card on a page of its own."""

    def draw(pdf: FPDF) -> None:
        for card, size in cards:
            draw_card(pdf, card, size)

    return draw


def texts_by_family(cards: list[Card]) -> dict[str, str]:
    """Every character each font has to draw (the address and the separator are set in Noto Sans SC)."""
    texts: dict[str, str] = {}
    for card in cards:
        for line in (*card.heading, *card.title, *card.action, Line("en", card.link + SEPARATOR)):
            texts[family(line.language)] = texts.get(family(line.language), "") + line.text + SEPARATOR
    return texts


def card_files(out: Path, card: Card) -> list[Path]:
    return [out / "cards" / f"{card.stem}-{size.name}.pdf" for size in SIZES]


def drawable(cards: list[Card], missing: dict[str, set[str]]) -> tuple[list[Card], list[str]]:
    """The cards without the texts that the fonts cannot draw (they would print as empty boxes), and a note
    for each text left off."""
    notes: dict[str, None] = {}

    def keep(lines: tuple[Line, ...]) -> tuple[Line, ...]:
        kept = []
        for line in lines:
            lacking = sorted(set(line.text) & missing.get(family(line.language), set()))
            if not lacking:
                kept.append(line)
                continue
            notes[
                f"posters: '{line.text}' ({line.language}) is left off: the poster fonts cannot draw "
                f"{' '.join(lacking[:5])}; they draw Chinese and Latin letters."
            ] = None
        return tuple(kept)

    kept = [
        replace(card, heading=keep(card.heading), title=keep(card.title), action=keep(card.action))
        for card in cards
    ]
    return kept, list(notes)


def write_posters(cards: list[Card], out: Path, title: str, language: str) -> tuple[Path, list[str]]:
    """Write every file; returns the path of the PDF holding all cards, and the notes on texts left off."""
    every = out / "posters.pdf"
    try:
        (out / "cards").mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="hallbuilder-fonts-") as folder:
            fonts, missing = cut_fonts(texts_by_family(cards), Path(folder))
            cards, notes = drawable(cards, missing)
            write_document(
                every, title, language, fonts, pages(*[(card, s) for s in SIZES for card in cards])
            )
            write_document(out / SHEETS, title, language, fonts, lambda pdf: draw_sheets(pdf, cards))
            for card in cards:
                for size, path in zip(SIZES, card_files(out, card), strict=True):
                    write_document(path, f"{title}: {card.stem}", language, fonts, pages((card, size)))
    except OSError as error:
        raise PublishError(f"{error.filename or out}: cannot write the posters ({error.strerror}).") from None
    return every, notes


def write_hall_posters(dist: Path, links: dict[str, str], out: Path) -> tuple[Path, list[Card], list[str]]:
    """The posters of a built tour for the links `qr.write_codes` returned: the PDF of all cards, the cards,
    and the notes on texts left off."""
    cards = read_cards(dist, links)
    name = cards[0].title[0] if cards[0].title else None
    every, notes = write_posters(
        cards, out, name.text if name else "hallbuilder", name.language if name else "en"
    )
    return every, cards, notes
