"""Conversions kept between builds, keyed by the source's bytes and the settings that shaped the output.

An unchanged hall rebuilds without re-encoding anything. Each entry is a folder of content-named outputs
plus `result.json` (the tour.json fragment); it appears in one atomic rename, so an interrupted build or two
builds at once never leave a half-written entry behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from hallbuilder.errors import BuildError
from hallbuilder.media.settings import MediaSettings

VERSION = "1"  # raise when a conversion's output changes for the same settings
HASH_LENGTH = 16
RESULT = "result.json"


def file_hash(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, shortened; streamed so large videos do not fill memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:HASH_LENGTH]


def conversion_key(kind: str, source_hash: str, settings: MediaSettings) -> str:
    """The cache entry name for one source converted one way."""
    text = f"{VERSION}\n{settings.key(kind)}\n{source_hash}"
    return f"{kind}-{hashlib.sha256(text.encode()).hexdigest()[:32]}"


def name_by_content(value: object, folder: Path, named: dict[Path, str] | None = None) -> object:
    """Rename every output Path in a fragment to `<hash>.<ext>` and put its URL, `media/<hash>.<ext>`, in its place.

    A Path may appear twice (an image's `src` is also in its `srcset`); `named` remembers the ones done.
    """
    named = {} if named is None else named
    if isinstance(value, Path):
        if value not in named:
            name = f"{file_hash(value)}{value.suffix}"
            value.replace(folder / name)
            named[value] = f"media/{name}"
        return named[value]
    if isinstance(value, dict):
        return {key: name_by_content(item, folder, named) for key, item in value.items()}
    if isinstance(value, list):
        return [name_by_content(item, folder, named) for item in value]
    return value


def outputs(value: object) -> list[str]:
    """The file names a stored fragment refers to."""
    if isinstance(value, str) and value.startswith("media/"):
        return [value.removeprefix("media/")]
    if isinstance(value, dict):
        value = list(value.values())
    return [name for item in value for name in outputs(item)] if isinstance(value, list) else []


class ConversionCache:
    """Folders under `cache_dir` (the build gives media its own), one per conversion: `<kind>-<key>/`."""

    def __init__(self, cache_dir: Path) -> None:
        self.root = cache_dir

    def lookup(self, key: str) -> tuple[Path, dict] | None:
        """The entry's folder and fragment, or None when absent or incomplete (then it is removed)."""
        entry = self.root / key
        try:
            result = json.loads((entry / RESULT).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            result = None
        if result is not None and all((entry / name).is_file() for name in outputs(result)):
            return entry, result
        shutil.rmtree(entry, ignore_errors=True)
        return None

    def get(self, key: str, convert: Callable[[Path], dict]) -> tuple[Path, dict]:
        """The stored conversion, or run `convert(workdir)` (it returns a fragment with Paths) and store it."""
        found = self.lookup(key)
        if found:
            return found
        self.root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=self.root))
        try:
            result = name_by_content(convert(work), work)  # files named by content: equal output, equal URL
            (work / RESULT).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
            try:
                os.rename(work, self.root / key)
            except OSError:  # another build stored the same conversion first: theirs is as good
                shutil.rmtree(work)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        found = self.lookup(key)
        if found is None:
            raise BuildError(
                f"cannot keep converted media in {self.root}: delete that folder and build again."
            )
        return found
