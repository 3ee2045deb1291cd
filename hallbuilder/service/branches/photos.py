"""Uploaded photos: opened with Pillow, refused with a reason, re-encoded so no metadata (GPS!) survives."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_EDGE = 2560  # larger photos are scaled down: the tour shows them on phones
FORMATS = {"JPEG", "PNG", "WEBP"}


@dataclass(frozen=True)
class Photo:
    mime: str
    width: int
    height: int
    data: bytes


class PhotoRefused(ValueError):
    """The upload is not a usable photo; the message says why and what to do."""


def read_photo(name: str, data: bytes) -> Photo:
    if len(data) > MAX_BYTES:
        raise PhotoRefused(f"{name}: larger than {MAX_BYTES // 1024 // 1024} MB; send a smaller photo")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind, size = probe.format, probe.size
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PhotoRefused(f"{name}: not a photo we can read; send a JPEG, PNG or WebP file") from None
    if kind not in FORMATS:
        raise PhotoRefused(f"{name}: {kind} files are not accepted; send a JPEG, PNG or WebP file")
    if size[0] * size[1] > MAX_PIXELS:
        raise PhotoRefused(f"{name}: {size[0]}×{size[1]} pixels is too large; send at most 40 megapixels")
    return _reencode(data)


def _reencode(data: bytes) -> Photo:
    with Image.open(io.BytesIO(data)) as image:
        picture = ImageOps.exif_transpose(image)
        picture.thumbnail((MAX_EDGE, MAX_EDGE))
        alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
        out = io.BytesIO()
        if alpha:
            picture.convert("RGBA").save(out, "PNG", optimize=True)
            mime = "image/png"
        else:
            picture.convert("RGB").save(out, "JPEG", quality=88, optimize=True, progressive=True)
            mime = "image/jpeg"
        return Photo(mime, picture.width, picture.height, out.getvalue())
