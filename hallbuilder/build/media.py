"""Referenced media (narration, photos, video, floor plan, cover) → `dist/media/<content-hash>.<ext>`.

The build hands every project-relative media path to one `MediaStore`, which returns the tour.json fragment for it.
Content-hashed names let publishing cache them forever and let unchanged media be skipped on a rebuild.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

HASH_LENGTH = 16


def file_hash(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, shortened; streamed so large videos do not fill memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:HASH_LENGTH]


class MediaStore:
    """Copies (later: converts) media into `dist/media/` once each, and describes them for tour.json."""

    def __init__(self, project_dir: Path, dist_dir: Path, cache_dir: Path) -> None:
        self.project_dir = project_dir
        self.media_dir = dist_dir / "media"
        self.cache_dir = cache_dir
        self._done: dict[str, str] = {}

    def file(self, relative: str) -> str:
        """Copy a file as it is; return its URL relative to dist (`media/<hash>.<ext>`)."""
        if relative not in self._done:
            source = self.project_dir / relative
            name = f"{file_hash(source)}{source.suffix.lower()}"
            self.media_dir.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, self.media_dir / name)
            self._done[relative] = f"media/{name}"
        return self._done[relative]

    def image(self, relative: str) -> dict:
        """tour.json `media_image`: {src, width, height, srcset?}."""
        from PIL import Image

        with Image.open(self.project_dir / relative) as picture:
            width, height = picture.size
        return {"src": self.file(relative), "width": width, "height": height}

    def audio(self, relative: str) -> dict:
        """tour.json narration fragment: {audio, duration}."""
        return {"audio": self.file(relative), "duration": None}

    def video(self, relative: str) -> dict:
        """tour.json `media_video`: {src, poster, duration, width, height}."""
        return {"src": self.file(relative), "poster": None, "duration": None, "width": None, "height": None}

    def captions(self, transcript: str, duration: float | None, language: str) -> str | None:
        """A WebVTT file for a transcript, or None when it cannot be timed."""
        return None
