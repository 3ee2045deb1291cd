"""The typefaces embedded in every poster, from Python packages (never a system path), so Chinese text prints
the same on any printer. Noto Sans SC/TC (SIL OFL) also hold Latin letters, so English needs no other font."""

from __future__ import annotations

from pathlib import Path

import pylopdf_fonts_zh_cn
import pylopdf_fonts_zh_tw

from hallbuilder.publish.posters.cards import written_form

SANS, SANS_TRADITIONAL = "NotoSansSC", "NotoSansTC"


def font_files() -> dict[str, Path]:
    return {SANS: pylopdf_fonts_zh_cn.sans_path(), SANS_TRADITIONAL: pylopdf_fonts_zh_tw.sans_path()}


def family(language: str) -> str:
    """Traditional Chinese (zh-Hant, Cantonese) in its own glyph forms; everything else in Noto Sans SC."""
    return SANS_TRADITIONAL if written_form(language) == "zh-Hant" else SANS
