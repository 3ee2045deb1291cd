"""One save of hall.yaml: against the version the page read, changed in its round-trip form, checked, kept.

- the page's `version` must still be hall.yaml's: otherwise 409, never a silent overwrite;
- the change is made on ruamel's round-trip document, so comments and layout of untouched parts stay;
- the result must load (config/edit.py's `replace_checked`, the loader of `hallbuilder check`) before it
  atomically replaces hall.yaml; a refused save leaves the file byte for byte as it was (422 with problems);
- the replaced file goes into the history.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hallbuilder.config.edit import replace_checked, round_trip_parser
from hallbuilder.config.load import CONFIG_NAME
from hallbuilder.errors import ConfigError
from hallbuilder.studio.errors import StudioError
from hallbuilder.studio.history import History
from hallbuilder.studio.problems import problems_json
from hallbuilder.studio.project import digest, plain_document

Change = Callable[[Any], None]


class Saver:
    def __init__(self, project_dir: Path, history: History, saved: Callable[[str], None] = lambda _: None):
        self.config_path = project_dir / CONFIG_NAME
        self.history = history
        self.saved = saved  # told the new version after each save (the preview rebuilds)
        self.lock = threading.RLock()

    def current(self, version: Any) -> bytes:
        """hall.yaml's bytes, if `version` is still theirs."""
        data = self.config_path.read_bytes()
        if not isinstance(version, str) or version != digest(data):
            raise StudioError(409, "conflict", "conflict", version=digest(data))
        return data

    def edit(self, version: Any, change: Change, summary: str) -> str:
        """Apply `change` to the round-trip document of hall.yaml at `version`; return the new version."""
        with self.lock:
            before = self.current(version)
            text = before.decode("utf-8")
            parser = round_trip_parser(text)
            try:
                document = parser.load(text)
            except Exception:
                raise StudioError(
                    422, "invalid", "refused", problems=problems_json(self.problems())
                ) from None
            change(document)
            buffer = io.StringIO()
            parser.dump(document, buffer)
            return self._replace(before, buffer.getvalue(), summary)

    def edit_latest(self, change: Change, summary: str) -> str:
        """`edit` on hall.yaml as it is now (adding scenes for dropped photos cannot undo anyone's work)."""
        with self.lock:
            return self.edit(digest(self.config_path.read_bytes()), change, summary)

    def document(self) -> dict[str, Any]:
        """hall.yaml's values as plain JSON ({} while it is not readable YAML)."""
        return plain_document(self.config_path.read_text("utf-8")) or {}

    def replace(self, version: Any, text: str, summary: str, undo: bool = False) -> str:
        """Replace hall.yaml at `version` with `text` (a history entry), checked like any save."""
        with self.lock:
            return self._replace(self.current(version), text, summary, undo)

    def _replace(self, before: bytes, text: str, summary: str, undo: bool = False) -> str:
        if text.encode("utf-8") == before:
            return digest(before)
        try:
            replace_checked(self.config_path, text, already=self.problems())
        except ConfigError as error:
            raise StudioError(422, "invalid", "refused", problems=problems_json(error.lines())) from None
        self.history.keep(before, summary, undo=undo)
        version = digest(text.encode("utf-8"))
        self.saved(version)
        return version

    def problems(self) -> list[str]:
        from hallbuilder.config.project import load_hall

        try:
            load_hall(self.config_path)
        except ConfigError as error:
            return error.lines()
        return []
