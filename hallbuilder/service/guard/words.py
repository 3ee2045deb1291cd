"""The sensitive-word filter: block list (rejected), review list and contact details (pending).

Text and words are compared after folding full-width forms (NFKC), Traditional to Simplified (OpenCC),
case, and dropping everything that is not a letter or digit (spaces, zero-width characters, punctuation),
so `Ｆ ｏ.ｏ`, `f\u200boo` and `FOO` all match `foo`. When anything here fails, the verdict is pending:
a broken filter must never publish.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

LINK = re.compile(
    r"https?://|www\.|[a-z0-9-]+\s*(?:\.|。|点|dot)\s*(?:com|cn|net|org|io|cc|top|xyz|me|info|vip|link|ly|app|site)\b",
    re.IGNORECASE,
)
PHONE = re.compile(r"\d{7,}")
WECHAT = re.compile(r"微信|威信|薇信|vx|wx|weixin|wechat|v信|加v|加微|qq\d")


@dataclass(frozen=True)
class Verdict:
    """`status` is "ok", "pending" or "rejected"; `reason` is shown to the visitor (rejected) or staff."""

    status: str
    reason: str = ""


@cache
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


def fold(text: str) -> str:
    """Full-width to half-width, Traditional to Simplified, lower case; punctuation kept."""
    return _converter().convert(unicodedata.normalize("NFKC", text)).casefold()


def compact(text: str) -> str:
    """`fold()` with everything but letters and digits removed: the form words are matched in."""
    return "".join(ch for ch in fold(text) if unicodedata.category(ch)[0] in "LN")


def _contact(folded: str, compacted: str) -> str:
    spaced = "".join(ch for ch in folded if unicodedata.category(ch) not in ("Cf", "Zs", "Zl", "Zp"))
    if LINK.search(folded) or LINK.search(spaced):
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
        for word in block:
            if (key := compact(word)) and key in compacted:
                return Verdict(
                    "rejected",
                    f"Your text contains a word that is not allowed here (“{word}”); "
                    "please remove it and send again.",
                )
        for word in review:
            if (key := compact(word)) and key in compacted:
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
    """Whether a nickname is, or poses as, a reserved name (compared in folded form).

    If folding fails, names are compared as typed, case-insensitively: the check itself never breaks posting.
    """
    squeeze = compact
    try:
        key = compact(nickname)
    except Exception:  # a broken filter must not break posting; fall back to a plain comparison
        squeeze = str.casefold
        key = squeeze(nickname.strip())
    for name in (*DEFAULT_RESERVED, *names):
        target = squeeze(name)
        if not target:
            continue
        if key == target or (len(target) >= 2 and not target.isascii() and target in key):
            return True
    return False
