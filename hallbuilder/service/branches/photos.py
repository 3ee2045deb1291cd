"""Uploaded photos: opened with Pillow, refused with a reason, re-encoded from their pixels alone.

Nothing of the upload but its pixels survives: no EXIF (GPS!), no JPEG comment, no XMP, no text chunks. A
colour profile is applied (littleCMS through Pillow's ImageCms) and dropped, so the stored photo is plain
sRGB, which is what browsers assume for a photo without a profile. The service does not import the build,
so this is not hallbuilder/imaging/colour.py: the same library call, on a photo already scaled down.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_EDGE = 2560  # larger photos are scaled down: the tour shows them on phones
FORMATS = {"JPEG", "PNG", "WEBP"}
UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError)


@dataclass(frozen=True)
class Photo:
    mime: str
    width: int
    height: int
    data: bytes


class PhotoRefused(ValueError):
    """The upload is not a usable photo; the message says why and what to do."""


def photo_size(name: str, data: bytes) -> tuple[int, int]:
    """Width and height from the file's header, checked before any pixel is decoded."""
    if len(data) > MAX_BYTES:
        raise PhotoRefused(f"{name}: larger than {MAX_BYTES // 1024 // 1024} MB; send a smaller photo")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind, size = probe.format, probe.size
            probe.verify()
    except UNREADABLE:
        raise PhotoRefused(f"{name}: not a photo we can read; send a JPEG, PNG or WebP file") from None
    if kind not in FORMATS:
        raise PhotoRefused(f"{name}: {kind} files are not accepted; send a JPEG, PNG or WebP file")
    if size[0] * size[1] > MAX_PIXELS:
        raise PhotoRefused(f"{name}: {size[0]}×{size[1]} pixels is too large; send at most 40 megapixels")
    return size


def read_photo(name: str, data: bytes) -> Photo:
    photo_size(name, data)
    try:
        return _reencode(data)
    except UNREADABLE:
        raise PhotoRefused(f"{name}: the photo is damaged; send it again or export it anew") from None


def _in_srgb(picture: Image.Image, icc: bytes | None, mode: str) -> Image.Image:
    """`picture` in `mode` with its colour profile applied; an unreadable or unusable profile is ignored."""
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(
                picture if picture.mode in ("RGB", "RGBA", "CMYK", "L") else picture.convert(mode),
                source,
                ImageCms.createProfile("sRGB"),
                renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
                outputMode=mode,
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # the pixels are used as they are, without the profile
    return picture.convert(mode)


def _reencode(data: bytes) -> Photo:
    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", (MAX_EDGE, MAX_EDGE))  # JPEG decodes at a smaller scale when that is enough
        icc = image.info.get("icc_profile")
        picture = ImageOps.exif_transpose(image)
        picture.thumbnail((MAX_EDGE, MAX_EDGE))
        alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
        mode = "RGBA" if alpha else "RGB"
        converted = _in_srgb(picture, icc, mode)
        pixels = Image.frombytes(mode, converted.size, converted.tobytes())  # a new image: no info at all
        out = io.BytesIO()
        if alpha:
            pixels.save(out, "PNG", optimize=True)
            mime = "image/png"
        else:
            pixels.save(out, "JPEG", quality=88, optimize=True, progressive=True)
            mime = "image/jpeg"
        return Photo(mime, pixels.width, pixels.height, out.getvalue())
