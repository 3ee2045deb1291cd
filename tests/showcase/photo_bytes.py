"""Small photos in memory for upload tests."""

from __future__ import annotations

import io

from PIL import Image


def jpeg(colour=(200, 30, 40), size=(120, 80), exif: bytes | None = None) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", **({"exif": exif} if exif else {}))
    return out.getvalue()
