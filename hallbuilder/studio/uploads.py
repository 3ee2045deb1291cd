"""Files staff drop into the studio: received into a holding folder, size-limited, type-checked by content
(Pillow for images, PyAV for videos, never by the name), named safely, and moved into the project only when
they pass. A refused file leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from werkzeug.datastructures import FileStorage

from hallbuilder.studio.errors import StudioError

PHOTO_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "TIFF": ".tif", "WEBP": ".webp"}
IMAGE_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
VIDEO_CONTAINERS = {"mov,mp4,m4a,3gp,3g2,mj2": ".mp4", "matroska,webm": ".webm"}
CHUNK = 2**20


def safe_stem(name: str, fallback: str) -> str:
    """A file name's stem as an id: 'Lobby East (2).JPG' → 'lobby-east-2'; only a-z, 0-9 and '-'."""
    stem = Path(name.replace("\\", "/")).stem
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48].strip("-")
    return slug or fallback


def title_of(name: str) -> str:
    """The file name without folder and suffix, as staff named it (a first title for the scene)."""
    return Path(name.replace("\\", "/")).stem.strip() or "scene"


def free_name(folder: Path, stem: str, suffix: str, taken: Iterable[str] = ()) -> str:
    """`stem`, or `stem-2`, `stem-3` …: a name neither in `folder` nor among `taken`."""
    taken = set(taken)
    candidate, number = stem, 1
    while candidate in taken or (folder / f"{candidate}{suffix}").exists():
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def receive(upload: FileStorage, holding: Path, limit: int) -> Path:
    """Write the upload into `holding` under a random name, refusing it past `limit` bytes."""
    holding.mkdir(parents=True, exist_ok=True)
    target = holding / f"upload-{secrets.token_hex(8)}"
    written = 0
    try:
        with target.open("wb") as output:
            while chunk := upload.stream.read(CHUNK):
                written += len(chunk)
                if written > limit:
                    raise StudioError(
                        413,
                        "too_large",
                        "too_large",
                        {"name": upload.filename or "?", "limit": f"{limit / 2**20:.3g}"},
                    )
                output.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def image_format(path: Path) -> str | None:
    """Pillow's name of the image format, read from the content (None: not an image it knows)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as picture:
            return picture.format
    except Image.DecompressionBombError:  # an image, far too large: the photo check says so with its size
        return "JPEG"
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def video_suffix(path: Path) -> str | None:
    """The suffix for a file PyAV opens as a video (None: it is not one)."""
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return None
            return VIDEO_CONTAINERS.get(container.format.name, ".mp4")
    except (av.error.FFmpegError, OSError, ValueError, UnicodeDecodeError):
        return None


def place(received: Path, folder: Path, stem: str, suffix: str, taken: Iterable[str] = ()) -> Path:
    """Move a checked upload into `folder` under a free safe name; never outside `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{free_name(folder, stem, suffix, taken)}{suffix}"
    if not target.resolve().is_relative_to(folder.resolve()):
        raise StudioError(400, "bad_request", "bad_request", {"detail": "unsafe file name"})
    os.replace(received, target)
    return target


def discard(*paths: Path) -> None:
    for path in paths:
        with suppress(OSError):
            path.unlink()
