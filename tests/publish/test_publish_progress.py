"""The progress bar counts objects and bytes, and stays silent when output is not a terminal."""

from __future__ import annotations

import io
from pathlib import Path

from hallbuilder.publish.plan import Item
from hallbuilder.publish.progress import Progress, human_bytes


def item(size: int) -> Item:
    return Item("a.jpg", Path("a.jpg"), size, "etag", "image/jpeg", "no-cache")


def test_the_bar_shows_objects_and_bytes():
    stream = io.StringIO()
    progress = Progress(2, 3_000_000, stream=stream, enabled=True)
    progress.advance(item(1_000_000))
    progress.advance(item(2_000_000))
    progress.close()
    assert stream.getvalue() == (
        "\r[########                ] 1/2 objects, 1.0 MB/3.0 MB"
        "\r[########################] 2/2 objects, 3.0 MB/3.0 MB\n"
    )


def test_silent_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress(1, 10, stream=stream)
    progress.advance(item(10))
    progress.close()
    assert stream.getvalue() == "" and progress.done_bytes == 10


def test_human_bytes():
    assert [human_bytes(n) for n in (0, 999, 1000, 1_234_567, 9_876_543_210)] == [
        "0 B",
        "999 B",
        "1.0 kB",
        "1.2 MB",
        "9.9 GB",
    ]
