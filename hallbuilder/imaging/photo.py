"""Open and check panorama photos: every problem becomes a PhotoError naming the file and the fix.

Only the pixels are trusted. EXIF orientation is ignored (a 2:1 panorama "rotated" by its tag would
become 1:2) and panorama XMP (GPano sizes, pose) is never read: cameras and editors leave it stale.
Pillow's decompression-bomb guard is replaced by a deliberate cap, MAX_PIXELS (never None): a 20000 ×
10000 photo decodes to 600 MB, the most a build machine should hold per scene.
JPEG is decoded by libjpeg-turbo (simplejpeg, several times faster than Pillow); CMYK JPEG and the
other formats go through Pillow. Everything is converted to 8-bit RGB: CMYK, 16-bit, greyscale and
palette photos are converted, transparent areas are flattened onto black, and photos with a wide-gamut
colour profile (Display P3, Adobe RGB) are converted to sRGB (colour.py).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import simplejpeg
from PIL import Image, UnidentifiedImageError

from hallbuilder.errors import PhotoError
from hallbuilder.imaging.colour import convert_to_srgb, needs_conversion

MIN_WIDTH = 1024
STRIP_ROWS = 512  # rows converted at a time from Pillow's image
MAX_PIXELS = 200_000_000
FORMATS = {"JPEG", "PNG", "TIFF", "WEBP", "MPO"}  # MPO: a JPEG with extra frames, as some cameras write
Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # the deliberate cap; photos above it are refused before decoding

FIX_EXPORT = "export the full 360° × 180° equirectangular panorama from the camera app or stitcher"


@dataclass(frozen=True)
class PhotoInfo:
    path: Path
    width: int
    height: int
    format: str
    mode: str
    icc: bytes | None = None  # an RGB colour profile other than sRGB, to convert from


def inspect_photo(path: Path) -> PhotoInfo:
    """Read the headers and check format, size and the 2:1 shape, without decoding the pixels."""
    info = read_header(path)
    _check_shape(info)
    return info


def read_header(path: Path) -> PhotoInfo:
    """The image's size, format and mode from its headers; PhotoError when it is missing or unreadable."""
    path = Path(path)
    if not path.is_file():
        raise PhotoError(f"{path}: file not found; check the photo's path in hall.yaml")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                icc = image.info.get("icc_profile")
                icc = icc if image.mode == "RGB" and needs_conversion(icc) else None
                info = PhotoInfo(path, image.width, image.height, image.format or "?", image.mode, icc)
    except Image.DecompressionBombError:
        raise PhotoError(_too_large(path)) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise PhotoError(
            f"{path}: cannot be read as an image; use a JPEG, PNG, TIFF or WebP file "
            "(copy it again if it was damaged)"
        ) from None
    check_format(info)
    return info


def _too_large(path: Path, width: int = 0, height: int = 0) -> str:
    size = f"is {width}×{height} pixels, more than" if width else "is larger than"
    return (
        f"{path}: the photo {size} the {MAX_PIXELS / 1e6:g} megapixel limit; "
        "resize it to 16384×8192 (or smaller) in an image editor"
    )


def check_format(info: PhotoInfo) -> None:
    if info.format not in FORMATS:
        raise PhotoError(
            f"{info.path}: {info.format} photos are not supported; save it as JPEG (or PNG, TIFF, WebP)"
        )


def _check_shape(info: PhotoInfo) -> None:
    path, width, height = info.path, info.width, info.height
    if width * height > MAX_PIXELS:
        raise PhotoError(_too_large(path, width, height))
    if abs(width / 2 - height) > 1:
        fix = _cube_hint(width, height) or f"{FIX_EXPORT}, not a cropped or partial one"
        raise PhotoError(
            f"{path}: the photo is {width}×{height} pixels, but a full panorama is twice as wide as it is "
            f"high (2:1, e.g. 8192×4096); {fix}"
        )
    if width < MIN_WIDTH:
        raise PhotoError(
            f"{path}: the photo is only {width}×{height} pixels; panoramas must be at least "
            f"{MIN_WIDTH}×{MIN_WIDTH // 2} (8192×4096 or more looks sharp); use the original full-size export"
        )


CUBE_LAYOUTS = {
    (1, 1): "one cube face",
    (6, 1): "a strip of cube faces",
    (1, 6): "a strip of cube faces",
    (4, 3): "a cross of cube faces",
    (3, 4): "a cross of cube faces",
}


def _cube_hint(width: int, height: int) -> str | None:
    """The fix for a photo shaped like cube faces: give the six faces (docs/hall-yaml.md, scenes.photo)."""
    for (across, down), what in CUBE_LAYOUTS.items():
        if width * down == height * across:
            return (
                f"this looks like {what}: give the six cube faces as separate files, in a folder (front.jpg, "
                "right.jpg, back.jpg, left.jpg, up.jpg, down.jpg) or as a list of six (scenes.photo in "
                f"docs/hall-yaml.md); or {FIX_EXPORT}"
            )
    return None


def check_photo(path: Path) -> PhotoInfo:
    """inspect_photo plus a full decode, which is the only way to find a truncated file."""
    info = inspect_photo(path)
    open_panorama(path, info)
    return info


def open_panorama(path: Path, info: PhotoInfo | None = None) -> np.ndarray:
    """The photo as a C-contiguous (H, W, 3) uint8 RGB array; raises PhotoError as inspect_photo does."""
    path = Path(path)
    info = info or inspect_photo(path)
    try:
        if decodes_in_place(info):
            pixels = simplejpeg.decode_jpeg(path.read_bytes(), colorspace="RGB")
        else:
            pixels = _decode_with_pillow(path)
    except (OSError, ValueError, SyntaxError):
        raise PhotoError(
            f"{path}: the image data is truncated or damaged; copy the file again from the camera or re-export it"
        ) from None
    return convert_to_srgb(pixels, info.icc, path) if info.icc else pixels


def decodes_in_place(info: PhotoInfo) -> bool:
    """True when libjpeg-turbo decodes straight into the final array; Pillow briefly needs 2.3× its size."""
    return info.format in ("JPEG", "MPO") and info.mode in ("RGB", "L")


def _decode_with_pillow(path: Path) -> np.ndarray:
    """Decode with Pillow and convert strip by strip: a whole-image convert() or np.asarray() would hold
    one more full copy (Pillow keeps RGB at 4 bytes a pixel: a 16K photo is 540 MB before any copy)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(path) as image:
            image.load()
            width, height = image.size
            pixels = np.empty((height, width, 3), np.uint8)
            for top in range(0, height, STRIP_ROWS):
                bottom = min(height, top + STRIP_ROWS)
                pixels[top:bottom] = _to_rgb(image.crop((0, top, width, bottom)))
            return pixels


def _to_rgb(image: Image.Image) -> np.ndarray:
    """8-bit RGB pixels of any Pillow mode: 16/32-bit scaled down, alpha flattened onto black."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        grey = np.asarray(image).astype(np.int64)
        grey = (np.clip(grey, 0, 65535) >> 8).astype(np.uint8)
        return np.repeat(grey[..., None], 3, axis=2)
    if image.mode == "F":
        grey = np.clip(np.asarray(image), 0, 255).astype(np.uint8)
        return np.repeat(grey[..., None], 3, axis=2)
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = np.asarray(image.convert("RGBA"))
        alpha = rgba[..., 3:4].astype(np.uint16)
        return ((rgba[..., :3] * alpha + 127) // 255).astype(np.uint8)
    return np.asarray(image if image.mode == "RGB" else image.convert("RGB"))  # convert() would copy
