"""The typefaces embedded in every poster, from Python packages (never a system path), so Chinese text prints
the same on any printer. Noto Sans SC/TC (SIL OFL) also hold Latin letters, so English needs no other font.

The fonts are large (8 and 6 MB, 30 000 glyphs): each is cut once to the characters the cards use, so that
writing each card's PDF reads a font of a few kB (fpdf2 then embeds only the glyphs of that card)."""

from __future__ import annotations

from pathlib import Path

import pylopdf_fonts_zh_cn
import pylopdf_fonts_zh_tw
from fontTools import subset

from hallbuilder.publish.posters.cards import written_form

SANS, SANS_TRADITIONAL = "NotoSansSC", "NotoSansTC"


def font_files() -> dict[str, Path]:
    return {SANS: pylopdf_fonts_zh_cn.sans_path(), SANS_TRADITIONAL: pylopdf_fonts_zh_tw.sans_path()}


def family(language: str) -> str:
    """Traditional Chinese (zh-Hant, Cantonese) in its own glyph forms; everything else in Noto Sans SC."""
    return SANS_TRADITIONAL if written_form(language) == "zh-Hant" else SANS


def cut_fonts(texts: dict[str, str], folder: Path) -> tuple[dict[str, Path], dict[str, set[str]]]:
    """Family -> a copy of its font holding only the characters of `texts[family]`, written into folder;
    and family -> the characters of its text that the font cannot draw."""
    files, missing = {}, {}
    for name, path in font_files().items():
        options = subset.Options()
        options.layout_features = ["*"]  # kerning and the forms of CJK punctuation
        font = subset.load_font(str(path), options)
        text = texts.get(name, "")
        missing[name] = {char for char in text if ord(char) not in font.getBestCmap() and not char.isspace()}
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text + " ")
        subsetter.subset(font)
        files[name] = folder / f"{name}.otf"
        subset.save_font(font, str(files[name]), options)
        font.close()
    return files, missing
