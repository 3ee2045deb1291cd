"""The sensitive-word filter: block list (rejected), review list and contact details (pending).

Texts and words are compared in the form `guard/text.py` gives them: what a reader sees, with invisible
characters gone, right-to-left overrides put in display order, full-width forms, case, accents, small
capitals, Traditional characters and Chinese numerals folded, and look-alike letters of other scripts
made Latin. Words are also matched in UTS #39 confusable skeletons, and in `compact()` form, which drops
everything but letters and digits, so `Ｆ ｏ.ｏ`, `f\u200boo`, `FОО` (Cyrillic) and `ᶠᴏᴏ` all match `foo`.
When anything here fails, the verdict is pending: a broken filter must never publish.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from hallbuilder.service.guard.text import confusable, reading

# A dot written so a filter misses it: `.`, `(.)`, `[.]`, `·`, `。`, `点`, `dot`, `(dot)`.
DOT = r"(?:[(\[{<【]\s*)?(?:\.|。|·|•|・|‧|∙|⋅|点|dot)(?:\s*[)\]}>】])?"
# Any of these right after a dot is taken for a domain; only the first ones also with spaces around the dot,
# since "Great. Live music" is a sentence, not a link.
SPACED_TLDS = "com|cn|net|org|top|xyz|vip|cc|info|io|app|site|link|ly|icu|wang|xin|tk|ml|ga|cf|gq|pw"
TLDS = (
    f"{SPACED_TLDS}|me|shop|store|online|club|fun|live|asia|ws|tv|co|biz|work|ink|ren|kim|mobi|pro|run|space|"
    "tech|website|win|bid|loan|red|pub|cloud|hk|tw|mo|jp|kr|us|uk|de|ru|in|sg|my|ai|so|to|gg|ltd|group|games|"
    "today|life|world|best|bio"
)
SPACED_LINK = rf"https?:[/\\]{{2}}|www\s*{DOT}\s*[a-z0-9]|[a-z0-9-]+\s*{DOT}\s*(?:{SPACED_TLDS})(?![a-z0-9])"
LINK = re.compile(rf"{SPACED_LINK}|[a-z0-9-]+{DOT}(?:{TLDS})(?![a-z0-9])", re.IGNORECASE)
# Letters spread out with spaces (`s p a m . c o m`) are read again without them, for the unmistakable TLDs.
SPREAD_LINK = re.compile(SPACED_LINK, re.IGNORECASE)
PHONE = re.compile(r"\d{7,}")
WECHAT = re.compile(
    r"微信|威信|薇信|维信|唯信|徽信|卫信|伟信|围信|wei信|v信|vx|wx|weixin|wechat|加v|加微|qq\d|扣扣|企鹅号"
)


@dataclass(frozen=True)
class Verdict:
    """`status` is "ok", "pending" or "rejected"; `reason` is shown to the visitor (rejected) or staff."""

    status: str
    reason: str = ""


@lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """What a reader sees, folded for comparison (guard/text.py `reading`); punctuation kept.

    Cached: a text is folded for its letters and for its skeleton, and listed words on every comment.
    """
    return reading(text)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def compact(text: str) -> str:
    """`fold()` with everything but letters and digits removed: the form words are matched in."""
    return _letters(fold(text))


def shape(text: str) -> str:
    """The letters and digits of the UTS #39 skeleton: `rn` and `m`, `0` and `O` are one shape."""
    return _letters(confusable(fold(text)))


def _contains(word: str, compacted: str, shaped: str) -> bool:
    key = compact(word)
    return bool(key) and (key in compacted or shape(word) in shaped)


def _contact(folded: str, compacted: str) -> str:
    spaced = "".join(ch for ch in folded if unicodedata.category(ch) not in ("Cf", "Zs", "Zl", "Zp"))
    if LINK.search(folded) or SPREAD_LINK.search(spaced):
        return "contains a link"
    if PHONE.search(compacted):
        return "contains a phone number"
    if WECHAT.search(compacted):
        return "contains a WeChat or QQ ID"
    return ""


def judge(text: str, block: list[str], review: list[str]) -> Verdict:
    """The verdict on one text; any failure inside gives pending."""
    try:
        folded = fold(text)
        compacted = compact(text)
        shaped = shape(text)
        for word in block:
            if _contains(word, compacted, shaped):
                return Verdict(
                    "rejected",
                    f"Your text contains a word that is not allowed here (“{word}”); "
                    "please remove it and send again.",
                )
        for word in review:
            if _contains(word, compacted, shaped):
                return Verdict("pending", f"review word “{word}”")
        if reason := _contact(folded, compacted):
            return Verdict("pending", reason)
        return Verdict("ok")
    except Exception as error:  # a failing filter must hold the comment, never publish it
        return Verdict("pending", f"filter failed: {type(error).__name__}")


DEFAULT_RESERVED = (
    "admin",
    "administrator",
    "root",
    "system",
    "管理员",
    "系统管理员",
    "主办方",
    "官方",
    "客服",
    "organiser",
    "organizer",
    "moderator",
    "版主",
)


def reserved(nickname: str, names: list[str]) -> bool:
    """Whether a nickname is, or poses as, a reserved name (compared folded and as skeletons: `Аdmin`).

    If folding fails, names are compared as typed, case-insensitively: the check itself never breaks posting.
    """
    squeezes: tuple[Callable[[str], str], ...] = (compact, shape)
    try:
        keys = [squeeze(nickname) for squeeze in squeezes]
    except Exception:  # a broken filter must not break posting; fall back to a plain comparison
        squeezes = (str.casefold,)
        keys = [nickname.strip().casefold()]
    for name in (*DEFAULT_RESERVED, *names):
        for squeeze, key in zip(squeezes, keys, strict=True):
            target = squeeze(name)
            if not target:
                continue
            if key == target or (len(target) >= 2 and not target.isascii() and target in key):
                return True
    return False
