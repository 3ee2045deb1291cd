"""One card drawn on one PDF page: the A4 poster's layout, scaled by half for the A6 table card.

Nothing is printed near the paper's edge (no bleed: office printers leave 4-5 mm blank), so a card prints
whole on any printer at "actual size". The code's width follows the common rule that a phone reads a QR code
from about ten times its width: 100 mm on the A4 poster (read from a metre away, on a wall), 50 mm on the
A6 card (half a metre, on a table), with its quiet zone of four modules kept clear.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import segno
from fpdf import FPDF
from PIL import Image, ImageOps

from hallbuilder.errors import PublishError
from hallbuilder.publish.posters.cards import Card, Line
from hallbuilder.publish.posters.fonts import family

PT = 25.4 / 72  # mm per point
INK, GREY, ACCENT, RULE = (29, 29, 27), (105, 105, 100), (158, 27, 34), (200, 198, 192)
QUIET_MODULES = 4
SEPARATOR = "  ·  "


@dataclass(frozen=True)
class PageSize:
    name: str  # a4 or a6, as in the file names
    width: float  # mm
    height: float
    scale: float  # of the A4 layout
    frame: float  # mm from the paper's edge to the frame; content starts further in

    @property
    def inset(self) -> float:
        return self.frame + 8 * self.scale


A4 = PageSize("a4", 210, 297, 1.0, 10)
A6 = PageSize("a6", 105, 148, 0.5, 6)


def draw_card(pdf: FPDF, card: Card, page: PageSize) -> None:
    """Add one page holding the card."""
    pdf.add_page(format=(page.width, page.height))
    draw_card_at(pdf, card, page, 0, 0)


def draw_card_at(pdf: FPDF, card: Card, page: PageSize, x: float, y: float) -> None:
    """The card with its top left corner at (x, y): heading, picture, title at the top; the code, its call
    to action and address below. The first language's title and call to action get a line of their own, the
    others share one."""
    s, left, width = page.scale, x + page.inset, page.width - 2 * page.inset
    draw_frame(pdf, page, x, y)
    qr_top = draw_bottom(pdf, card, page, x, y)
    y += page.inset
    if card.heading:
        y = draw_row(pdf, card.heading, y, left, width, 12 * s, GREY)
    title_height = line_height(34 * s) + (line_height(18 * s) if card.title[1:] else 0)
    room = qr_top - y - title_height - 8 * s
    if card.image and room >= 30 * s:
        height = min(90 * s, room)
        draw_image(pdf, card.image, left, y + 3 * s, width, height)
        y += height + 5 * s
    else:
        y += 3 * s
    if card.title:
        y = draw_row(pdf, card.title[:1], y, left, width, 34 * s, INK, bold=True)
    if card.title[1:]:
        draw_row(pdf, card.title[1:], y, left, width, 18 * s, INK)


def line_height(size_pt: float) -> float:
    return size_pt * PT * 1.4


def draw_frame(pdf: FPDF, page: PageSize, x: float, y: float) -> None:
    """A thin frame with a band of the accent colour along its top."""
    inner = page.width - 2 * page.frame
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.3 * page.scale)
    pdf.rect(x + page.frame, y + page.frame, inner, page.height - 2 * page.frame)
    pdf.set_fill_color(*ACCENT)
    pdf.rect(x + page.frame, y + page.frame, inner, 3 * page.scale, style="F")


def draw_bottom(pdf: FPDF, card: Card, page: PageSize, x: float, y: float) -> float:
    """The address, the call to action and the code, from the bottom up; returns the top of the code's
    quiet zone."""
    s, left, width = page.scale, x + page.inset, page.width - 2 * page.inset
    link_size = max(9 * s, 5)
    y += page.height - page.inset - line_height(link_size)
    draw_row(pdf, (Line("en", card.link),), y, left, width, link_size, GREY)
    y -= line_height(28 * s) + (line_height(16 * s) if card.action[1:] else 0) + 2 * s
    top_of_action = y
    listen = card.kind == "listen"
    y = draw_row(pdf, card.action[:1], y, left, width, 28 * s, ACCENT, bold=True, icon=listen)
    if card.action[1:]:
        draw_row(pdf, card.action[1:], y, left, width, 16 * s, ACCENT)
    code = segno.make(card.link, error="q", micro=False)
    symbol = 100 * s
    module = symbol / code.symbol_size(border=0)[0]
    top = top_of_action - QUIET_MODULES * module - symbol
    draw_code(pdf, code, x + (page.width - symbol) / 2, top, module)
    return top - QUIET_MODULES * module


def draw_row(
    pdf: FPDF,
    lines: tuple[Line, ...],
    y: float,
    left: float,
    width: float,
    size: float,
    color: tuple[int, int, int],
    bold: bool = False,
    icon: bool = False,
) -> float:
    """Texts centred on one row, " · " between them, each in its language's font, made smaller until the
    row fits the width (after a loudspeaker, with `icon`); returns the y below it."""
    parts = [part for line in lines for part in ((line.language, line.text), (line.language, SEPARATOR))][:-1]
    lead = size * PT * 1.45 if icon else 0  # the loudspeaker and the space after it
    natural = sum(text_width(pdf, language, text, size) for language, text in parts) + lead
    if natural > width:
        size, lead = size * width / natural, lead * width / natural
    x = left + (width - lead - sum(text_width(pdf, language, text, size) for language, text in parts)) / 2
    if icon:
        draw_loudspeaker(pdf, x, y + line_height(size) / 2, size * PT * 0.95, color)
        x += lead
    pdf.set_text_color(*color)
    for language, text in parts:
        pdf.set_font(family(language), size=size)
        pdf.set_xy(x, y)
        if bold:  # the fonts come in one weight: an outline of the text's own colour makes it bold
            with pdf.local_context(text_mode="FILL_STROKE", line_width=size * 0.035 * PT, draw_color=color):
                pdf.cell(h=line_height(size), text=text)
        else:
            pdf.cell(h=line_height(size), text=text)
        x += pdf.get_string_width(text)
    return y + line_height(size)


def draw_loudspeaker(pdf: FPDF, x: float, middle: float, height: float, color: tuple[int, int, int]) -> None:
    """A loudspeaker with two sound waves, `height` tall, its left edge at x: marks a card to listen with."""
    top = middle - height / 2
    pdf.set_fill_color(*color)
    pdf.set_draw_color(*color)
    pdf.rect(x, middle - 0.17 * height, 0.2 * height, 0.34 * height, style="F")
    cone = [(x + 0.18 * height, middle - 0.17 * height), (x + 0.5 * height, top + 0.08 * height)]
    cone += [(x + 0.5 * height, top + 0.92 * height), (x + 0.18 * height, middle + 0.17 * height)]
    pdf.polygon(cone, style="F")
    pdf.set_line_width(0.07 * height)
    for radius in (0.25 * height, 0.45 * height):
        centre = x + 0.5 * height
        pdf.arc(centre - radius, middle - radius, 2 * radius, -50, 50, style="D")


def text_width(pdf: FPDF, language: str, text: str, size: float) -> float:
    pdf.set_font(family(language), size=size)
    return pdf.get_string_width(text)


def draw_code(pdf: FPDF, code: segno.QRCode, x: float, y: float, module: float) -> None:
    """The code as filled rectangles (sharp at any printer resolution), one per run of dark modules."""
    pdf.set_fill_color(0, 0, 0)
    for row_number, row in enumerate(code.matrix):
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            pdf.rect(
                x + start * module, y + row_number * module, (column - start) * module, module, style="F"
            )


def draw_image(pdf: FPDF, path: Path, x: float, y: float, width: float, height: float) -> None:
    """The picture cropped to fill the box (centre kept), as a JPEG of at most its own resolution."""
    try:
        with Image.open(path) as opened:
            picture = ImageOps.exif_transpose(opened).convert("RGB")
    except OSError:
        raise PublishError(f"{path}: damaged, not a picture: build the tour again.") from None
    data = io.BytesIO()
    picture.crop(crop_box(picture.width, picture.height, width / height)).save(data, "JPEG", quality=88)
    pdf.image(data, x=x, y=y, w=width, h=height)


def crop_box(width: int, height: int, ratio: float) -> tuple[int, int, int, int]:
    """The largest centred box of a width × height picture with the ratio (width / height) of the frame."""
    if width / height > ratio:
        cropped = round(height * ratio)
        return ((width - cropped) // 2, 0, (width + cropped) // 2, height)
    cropped = round(width / ratio)
    return (0, (height - cropped) // 2, width, (height + cropped) // 2)


def draw_sheets(pdf: FPDF, cards: list[Card]) -> None:
    """The A6 cards four to an A4 sheet, for an office printer: cut along the dashed lines."""
    per_sheet = 4
    top = (A4.height - 2 * A6.height) / 2
    for first in range(0, len(cards), per_sheet):
        pdf.add_page(format=(A4.width, A4.height))
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        with pdf.local_context():
            pdf.set_dash_pattern(dash=2, gap=2)
            pdf.line(A6.width, 0, A6.width, A4.height)
            pdf.line(0, top + A6.height, A4.width, top + A6.height)
        for number, card in enumerate(cards[first : first + per_sheet]):
            draw_card_at(pdf, card, A6, (number % 2) * A6.width, top + (number // 2) * A6.height)
