"""How a text reads to a person, for storing it and for the word filter. ICU holds the Unicode data.

- `visible()` is what the service stores: default-ignorable code points (zero-width characters, bidi
  controls, Hangul fillers, variation selectors, tag characters) and the blank braille pattern removed,
  keeping only the joiners and selectors inside emoji.
- `reading()` is what the filters compare: the order a right-to-left override displays, nothing
  invisible, NFKC, Traditional to Simplified (ICU's table; four times as fast as OpenCC was), accents and
  small capitals to plain Latin (ICU's Latin-ASCII), Chinese numerals to digits, letters of other scripts
  that look like a Latin letter or digit (Cyrillic А, Greek ο, ɑ) written as that letter, as their
  UTS #39 skeleton says, and case folded.
- `skeleton()` is the UTS #39 confusable skeleton of `reading()`: two texts that look alike have the same
  one, so listed words are matched in it too.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

import icu

# Unicode's Default_Ignorable_Code_Point covers U+115F, U+1160, U+3164, U+FFA0 (Hangul fillers), U+200B-200F,
# U+202A-202E, U+2060-206F, U+FE00-FE0F, U+FEFF, tags; the braille blank U+2800 looks as empty as they do.
INVISIBLE = icu.UnicodeSet(r"[[:Default_Ignorable_Code_Point:]\u2800]")
OVERRIDES = frozenset("\u202d\u202e")  # force a direction on letters: `\u202eonisac` shows `casino`
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
EMOJI = icu.UnicodeSet(r"[[:Emoji:][:Extended_Pictographic:]]")
EMOJI_GLUE = frozenset("\u200d\ufe0e\ufe0f")  # zero-width joiner, text and emoji presentation selectors
# Traditional characters become Simplified (ICU's table, character by character: 壞 -> 坏, 參 -> 参);
# accents (combining diacritical marks, zalgo stacks) go; Latin-ASCII turns small capitals, ligatures and
# letters such as ø, ß into plain Latin and leaves other scripts alone.
ACCENTS = (
    "[[:Block=Combining_Diacritical_Marks:][:Block=Combining_Diacritical_Marks_Extended:]"
    "[:Block=Combining_Diacritical_Marks_Supplement:][:Block=Combining_Half_Marks:]"
    "[:Block=Combining_Diacritical_Marks_For_Symbols:]]"
)
PLAIN_LATIN = f"Traditional-Simplified; NFD; {ACCENTS} Remove; NFC; Latin-ASCII"
# Phone numbers written in Chinese numerals (一三八…, 壹叁捌…; 幺 is read for 1 in phone numbers).
NUMERALS = str.maketrans(
    {
        **dict(zip("〇零一二三四五六七八九", "00123456789", strict=True)),
        **dict(zip("壹贰叁参肆伍陆柒捌玖", "1233456789", strict=True)),  # as on cheques
        "两": "2",
        "幺": "1",  # read for 1 in phone numbers
    }
)

_local = threading.local()  # ICU transliterators and spoof checkers are not shared between threads


def _icu(name: str, make):
    found = getattr(_local, name, None)
    if found is None:
        found = make()
        setattr(_local, name, found)
    return found


def has_controls(text: str) -> bool:
    """Whether `text` holds control characters other than tab and line breaks, or lone surrogates (NUL and
    surrogates break PostgreSQL and UTF-8). Checked in Python: ICU cannot be handed a lone surrogate.
    """
    return any(_control(ch) for ch in text)


def _control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n\r"


def visible(text: str) -> str:
    """`text` as a reader sees it: without invisible characters (except the joiners and selectors that glue an
    emoji together), and in display order when a bidi override (U+202D, U+202E) reversed what was typed.
    """
    if OVERRIDES.intersection(text):
        text = display_order(text)
    kept: list[str] = []
    for ch in text:
        if INVISIBLE.contains(ch):
            glued = ch in EMOJI_GLUE and kept and (EMOJI.contains(kept[-1]) or kept[-1] in EMOJI_GLUE)
            if not glued:
                continue
        kept.append(ch)
    return "".join(kept)


def display_order(text: str) -> str:
    """The characters in the order a screen shows them when the text carries bidi controls."""
    if not BIDI_CONTROLS.intersection(text):
        return text
    bidi = icu.Bidi()
    source = icu.UnicodeString(text)
    bidi.setPara(source)
    return str(bidi.writeReordered(icu.Bidi.REMOVE_BIDI_CONTROLS | icu.Bidi.DO_MIRRORING))


def _plain_latin(text: str) -> str:
    return _icu("latin", lambda: icu.Transliterator.createInstance(PLAIN_LATIN)).transliterate(text)


@lru_cache(maxsize=8192)
def _as_latin(ch: str) -> str:
    """One non-ASCII letter or digit written as the ASCII one its UTS #39 skeleton is, else unchanged.

    Case matters here: Cyrillic `М` looks like `M`, but its lower case `м` looks like a small capital.
    """
    if ch.isascii() or unicodedata.category(ch)[0] not in "LN":
        return ch
    shape = _plain_latin(_icu("spoof", icu.SpoofChecker).getSkeleton(0, ch))  # `т` -> `ᴛ` -> `T`
    return shape if shape.isascii() and shape.isalnum() else ch


def reading(text: str) -> str:
    """The folded form the filters compare (see the module docstring); punctuation and spaces kept."""
    ordered = display_order(text)
    shown = "".join(ch for ch in ordered if not _control(ch) and not INVISIBLE.contains(ch))
    latin = _plain_latin(unicodedata.normalize("NFKC", shown))
    latin = "".join(_as_latin(ch) for ch in unicodedata.normalize("NFKC", latin).translate(NUMERALS))
    return latin.casefold()


def confusable(folded: str) -> str:
    """The UTS #39 skeleton of a text already in `reading()` form, case folded."""
    return _icu("spoof", icu.SpoofChecker).getSkeleton(0, folded).casefold()


def skeleton(text: str) -> str:
    """UTS #39 skeleton of `reading(text)`, case folded: `rn` and `m`, `0` and `O` become one."""
    return confusable(reading(text))
