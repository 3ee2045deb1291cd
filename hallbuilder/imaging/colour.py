"""Photos shot or edited in a wide-gamut colour space (Display P3, Adobe RGB) are converted to sRGB.

Tiles carry no colour profile (a profile in each of hundreds of tiles would cost bytes on every phone), and
browsers show a JPEG without one as sRGB; so a photo's own profile must be applied once, here, or its
colours come out dull (P3) or wrong. littleCMS through Pillow's ImageCms does the conversion.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import numpy as np
from PIL import Image

log = logging.getLogger("hallbuilder.imaging")
STRIP_ROWS = 512  # rows converted at a time: Pillow holds RGB at 4 bytes a pixel


def needs_conversion(icc: bytes | None) -> bool:
    """True for an RGB profile that is not sRGB (reading the profile's header and description only)."""
    if not icc:
        return False
    from PIL import ImageCms

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile
    except (ImageCms.PyCMSError, OSError, ValueError):
        return False  # unreadable: open_in_srgb says so when it converts
    if profile.xcolor_space.strip() != "RGB":
        return False
    return "srgb" not in (profile.profile_description or "").lower().replace(" ", "")


def convert_to_srgb(pixels: np.ndarray, icc: bytes, path: Path) -> np.ndarray:
    """Convert (H, W, 3) uint8 RGB pixels from the profile `icc` to sRGB, strip by strip, in place."""
    from PIL import ImageCms

    try:
        transform = ImageCms.buildTransform(
            ImageCms.ImageCmsProfile(io.BytesIO(icc)),
            ImageCms.createProfile("sRGB"),
            "RGB",
            "RGB",
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        log.warning("%s: its colour profile cannot be read; its colours are used as they are", path)
        return pixels
    for top in range(0, pixels.shape[0], STRIP_ROWS):
        strip = pixels[top : top + STRIP_ROWS]
        strip[...] = np.asarray(transform.apply(Image.fromarray(strip)))
    return pixels
