"""A narration transcript → WebVTT captions, timed without a speech recogniser.

Sentences (Chinese 。！？； and Latin .!? followed by a space) become cues; a long sentence is cut at its
commas so a cue fits two lines on a phone. Each cue lasts in proportion to its character count: speech
has a fairly even pace, and staff can always listen and fix the transcript.
"""

from __future__ import annotations

import re

MAX_CUE_CHARS = 40
CLOSERS = "”’」』）)\"'"
SENTENCE_END = re.compile(
    rf"(?<=[。！？；])(?![。！？；{CLOSERS}])"  # after Chinese end marks (and the quotes that close them)
    rf"|(?<=[。！？；][{CLOSERS}])"
    rf"|(?<=[.!?])(?=\s)|(?<=[.!?][{CLOSERS}])(?=\s)"  # after Latin end marks followed by a space
    r"|\s*\n\s*"
)
CLAUSE_END = re.compile(r"(?<=[，、：,:])")


def weight(text: str) -> int:
    """How long a piece takes to say, roughly: its characters other than spaces."""
    return len(re.sub(r"\s", "", text))


def shorten(sentence: str) -> list[str]:
    """Cut a long sentence at commas into pieces of at most MAX_CUE_CHARS where possible."""
    if weight(sentence) <= MAX_CUE_CHARS:
        return [sentence]
    pieces: list[str] = []
    for clause in CLAUSE_END.split(sentence):
        if pieces and weight(pieces[-1] + clause) <= MAX_CUE_CHARS:
            pieces[-1] += clause
        elif clause.strip():
            pieces.append(clause)
    return [piece.strip() for piece in pieces]


def cues(transcript: str) -> list[str]:
    """The transcript cut into caption-sized pieces, in order, without empty ones."""
    sentences = (part.strip() for part in SENTENCE_END.split(transcript))
    return [piece for sentence in sentences if sentence for piece in shorten(" ".join(sentence.split()))]


def timestamp(seconds: float) -> str:
    """WebVTT time: 00:01:02.345."""
    millis = round(seconds * 1000)
    return (
        f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"
    )


def escape(text: str) -> str:
    """Cue text is markup in WebVTT: & < > must be escaped (which also rules out a stray "-->")."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(transcript: str, duration: float) -> str | None:
    """WebVTT captions spreading the transcript over `duration` seconds; None when there is nothing to time."""
    pieces = [piece for piece in cues(transcript) if weight(piece)]
    if not pieces or not duration or duration <= 0:
        return None
    total, done, blocks = sum(weight(piece) for piece in pieces), 0, ["WEBVTT"]
    for number, piece in enumerate(pieces, 1):
        start = duration * done / total
        done += weight(piece)
        blocks.append(
            f"{number}\n{timestamp(start)} --> {timestamp(duration * done / total)}\n{escape(piece)}"
        )
    return "\n\n".join(blocks) + "\n"
