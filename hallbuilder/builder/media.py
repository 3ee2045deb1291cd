"""Referenced media (narration, photos, video, floor plan, cover) → `dist/media/<content-hash>.<ext>`.

The build hands every project-relative media path to one `MediaStore`, which returns the tour.json fragment for it.
Conversions (hallbuilder.media) are cached by source bytes and settings, so an unchanged hall rebuilds without
re-encoding; content-hashed names let publishing cache them forever.
"""

from __future__ import annotations

import copy
import hashlib
import importlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hallbuilder.errors import MediaError
from hallbuilder.media.cache import HASH_LENGTH, ConversionCache, conversion_key, file_hash, outputs
from hallbuilder.media.captions import webvtt
from hallbuilder.media.settings import MediaSettings

__all__ = ["HASH_LENGTH", "MediaStore", "file_hash"]

Converter = Callable[[Path, Path, str, MediaSettings], dict]


def converter(module: str, name: str) -> Converter:
    """hallbuilder.media.<module>.<name>, imported when a file is converted: PyAV and SciPy take half a second
    to import, which a rebuild whose media are all in the cache never pays."""

    def convert(source: Path, work: Path, relative: str, settings: MediaSettings) -> dict:
        function: Converter = getattr(importlib.import_module(f"hallbuilder.media.{module}"), name)
        return function(source, work, relative, settings)

    return convert


class MediaStore:
    """Converts media into `dist/media/` once each, and describes them for tour.json."""

    def __init__(
        self,
        project_dir: Path,
        dist_dir: Path,
        cache_dir: Path,
        settings: MediaSettings | None = None,
        hashes: dict[str, str] | None = None,
    ) -> None:
        """`hashes`: file_hash of sources already hashed in this build (by project-relative path)."""
        self.project_dir = project_dir
        self.hashes = hashes or {}
        self.media_dir = dist_dir / "media"
        self.cache_dir = cache_dir
        self.settings = settings or MediaSettings()
        self._cache = ConversionCache(cache_dir)
        self._done: dict[tuple[str, str], Any] = {}

    def source(self, relative: str) -> Path:
        """The file a hall.yaml path names, or a MediaError saying it is missing."""
        path = self.project_dir / relative
        if not path.is_file():
            raise MediaError(
                f"{relative}: file not found. Check the spelling; paths are relative to the folder "
                "that holds hall.yaml."
            )
        return path

    def file(self, relative: str) -> str:
        """Copy a file as it is; return its URL relative to dist (`media/<hash>.<ext>`)."""
        if ("file", relative) not in self._done:
            source = self.source(relative)
            name = f"{file_hash(source)}{source.suffix.lower()}"
            self.media_dir.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, self.media_dir / name)
            self._done["file", relative] = f"media/{name}"
        return self._done["file", relative]

    def image(self, relative: str) -> dict:
        """tour.json `media_image`: {src (largest JPEG), width, height, srcset: WebP then JPEG, narrow first}."""
        return self._convert("image", relative, converter("images", "convert_image"))

    def audio(self, relative: str) -> dict:
        """tour.json narration fragment: {audio (mono AAC .m4a at the loudness target), duration (seconds)}."""
        return self._convert("audio", relative, converter("audio", "convert_audio"))

    def video(self, relative: str) -> dict:
        """tour.json `media_video`: {src (H.264/AAC .mp4), poster (.jpg), duration, width, height}."""
        return self._convert("video", relative, converter("video", "convert_video"))

    def captions(self, transcript: str, duration: float | None, language: str) -> str | None:
        """A WebVTT file for a transcript (URL), or None when it cannot be timed (no duration, no text).

        The file is the same whatever the language; the viewer labels the track with the narration's language.
        """
        text = webvtt(transcript or "", duration or 0.0)
        if text is None:
            return None
        data = text.encode("utf-8")
        name = f"{hashlib.sha256(data).hexdigest()[:HASH_LENGTH]}.vtt"
        self.media_dir.mkdir(parents=True, exist_ok=True)
        (self.media_dir / name).write_bytes(data)
        return f"media/{name}"

    def _convert(self, kind: str, relative: str, converter: Converter) -> dict:
        """Convert once per build (cached across builds), copy the outputs into dist, return a fresh fragment."""
        if (kind, relative) not in self._done:
            source = self.source(relative)
            key = conversion_key(kind, self.hashes.get(relative) or file_hash(source), self.settings)
            entry, result = self._cache.get(
                key, lambda work: converter(source, work, relative, self.settings)
            )
            self.media_dir.mkdir(parents=True, exist_ok=True)
            for name in outputs(result):
                if not (self.media_dir / name).exists():
                    shutil.copyfile(entry / name, self.media_dir / name)
            self._done[kind, relative] = result
        return copy.deepcopy(self._done[kind, relative])
