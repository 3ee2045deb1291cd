"""Every save keeps the hall.yaml it replaced, in `.hallbuilder-studio/history/`, so any save can be undone.

Each entry is the file's bytes before a save (`<id>.yaml`) and a line in `history.json` saying when and what
the save did. Undo restores the newest entry not undone yet, and marks it, so undoing again goes further back.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from hallbuilder.studio.errors import StudioError

KEEP = 200
INDEX = "history.json"


@dataclass
class Entry:
    id: str
    time: float
    summary: str
    undone: bool = False
    undo: bool = False  # the entry an undo made (the text before the undo): never itself undone


class History:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()

    def entries(self) -> list[Entry]:
        """Newest first."""
        try:
            raw = json.loads((self.folder / INDEX).read_text("utf-8"))
            return [Entry(**item) for item in raw]
        except (OSError, ValueError, TypeError):
            return []

    def _write(self, entries: list[Entry]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f"{INDEX}.partial"
        partial.write_text(json.dumps([asdict(entry) for entry in entries], ensure_ascii=False), "utf-8")
        os.replace(partial, self.folder / INDEX)

    def keep(self, before: bytes, summary: str, undo: bool = False) -> Entry:
        """Keep `before` (hall.yaml as it was before a save that did `summary`)."""
        with self._lock:
            entry = Entry(id=str(time.time_ns()), time=time.time(), summary=summary, undo=undo)
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f"{entry.id}.yaml").write_bytes(before)
            entries = [entry, *self.entries()]
            for old in entries[KEEP:]:
                (self.folder / f"{old.id}.yaml").unlink(missing_ok=True)
            self._write(entries[:KEEP])
            return entry

    def read(self, entry_id: str) -> bytes:
        if not entry_id.isdigit() or not (self.folder / f"{entry_id}.yaml").is_file():
            raise StudioError(404, "not_found", "not_found", {"what": f"history/{entry_id}"})
        return (self.folder / f"{entry_id}.yaml").read_bytes()

    def last_undoable(self) -> Entry:
        for entry in self.entries():
            if not entry.undone and not entry.undo:
                return entry
        raise StudioError(409, "nothing_to_undo", "nothing_to_undo")

    def mark_undone(self, entry_id: str) -> None:
        with self._lock:
            entries = self.entries()
            for entry in entries:
                if entry.id == entry_id:
                    entry.undone = True
            self._write(entries)
