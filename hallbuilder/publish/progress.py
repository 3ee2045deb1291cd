"""A one-line progress bar (objects and bytes) on a terminal, and sizes written for people."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from hallbuilder.publish.plan import Item


def human_bytes(count: float) -> str:
    """1234567 -> '1.2 MB' (powers of 1000, like storage consoles show)."""
    for unit in ("B", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} GB"  # pragma: no cover


class Progress:
    """Redraws at most ten times a second, only on a terminal, so logs and --json output stay clean."""

    def __init__(
        self, objects: int, size: int, stream: TextIO | None = None, enabled: bool | None = None
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.objects, self.size = objects, size
        self.done_objects = self.done_bytes = 0
        self._lock = threading.Lock()
        self._drawn = 0.0

    def advance(self, item: Item) -> None:
        with self._lock:
            self.done_objects += 1
            self.done_bytes += item.size
            now = time.monotonic()
            if self.enabled and (now - self._drawn > 0.1 or self.done_objects == self.objects):
                self._drawn = now
                self.stream.write("\r" + self.line())
                self.stream.flush()

    def line(self) -> str:
        share = self.done_bytes / self.size if self.size else 1.0
        bar = "#" * int(share * 24)
        return (
            f"[{bar:<24}] {self.done_objects}/{self.objects} objects, "
            f"{human_bytes(self.done_bytes)}/{human_bytes(self.size)}"
        )

    def close(self) -> None:
        if self.enabled and self.done_objects:
            self.stream.write("\n")
            self.stream.flush()
