"""Sensitive-word lists per hall: `block` (rejected) and `review` (sent to pending)."""

from __future__ import annotations

from sqlalchemy import Connection, delete, select

from hallbuilder.service.store.tables import words

KINDS = ("block", "review")


def lists(connection: Connection, hall_id: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    query = select(words.c.kind, words.c.word).where(words.c.hall_id == hall_id).order_by(words.c.word)
    for kind, word in connection.execute(query):
        found[kind].append(word)
    return found


def replace(connection: Connection, hall_id: str, kind: str, new_words: list[str]) -> None:
    """Replace one list; a word on both lists ends up on the last one saved."""
    if kind not in KINDS:
        raise ValueError(f"word list must be one of {KINDS}, got {kind!r}")
    unique = sorted({word.strip() for word in new_words if word.strip()})
    connection.execute(delete(words).where(words.c.hall_id == hall_id, words.c.kind == kind))
    if unique:
        connection.execute(delete(words).where(words.c.hall_id == hall_id, words.c.word.in_(unique)))
        connection.execute(words.insert(), [{"hall_id": hall_id, "word": w, "kind": kind} for w in unique])
