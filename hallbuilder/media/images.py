"""Photos for info hotspots, showcases, cover and floor plan → upright, metadata-free WebP + JPEG at a few widths.

Phones pick the smallest width that fills their screen (`srcset`); WebP is about a third smaller, and the
JPEG is there for the browsers (older WeChat on iOS) that cannot show WebP. Nothing from the camera's
metadata is written out: no GPS position, no camera serial, no date.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from hallbuilder.errors import MediaError
from hallbuilder.media.settings import MediaSettings

IMAGE_FIX = "Save it again as JPEG, PNG or WebP."
HEIC_FIX = "Export it as JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible)."


UNREADABLE = (UnidentifiedImageError, OSError, Image.DecompressionBombError)


def check_pixels(picture: Image.Image, label: str, settings: MediaSettings) -> None:
    """Refuse an image with more pixels than the site takes, before decoding it."""
    width, height = picture.size
    if width * height > settings.max_image_pixels:
        raise MediaError(
            f"{label}: the image is {width}×{height} pixels; at most "
            f"{settings.max_image_pixels / 1e6:.0f} megapixels are accepted. "
            "Save it smaller (2000 pixels wide is plenty for a phone)."
        )


def unreadable_image(source: Path, label: str) -> MediaError:
    """The error for an image Pillow cannot decode (HEIC has a fix of its own)."""
    if source.suffix.lower() in (".heic", ".heif"):
        return MediaError(f"{label}: browsers cannot show HEIC photos. {HEIC_FIX}")
    return MediaError(
        f"{label}: cannot read this image (it may be damaged or in an unsupported format). {IMAGE_FIX}"
    )


def open_upright(source: Path, label: str, settings: MediaSettings) -> Image.Image:
    """Decode the image, turned the way the camera's EXIF orientation says, in sRGB, with no metadata."""
    try:
        with Image.open(source) as picture:
            check_pixels(picture, label, settings)
            upright = ImageOps.exif_transpose(picture)
            upright.load()
            icc = picture.info.get("icc_profile")
    except UNREADABLE as error:
        raise unreadable_image(source, label) from error
    return plain_rgb(upright, icc)


def plain_rgb(picture: Image.Image, icc: bytes | None) -> Image.Image:
    """RGB (RGBA when really transparent) in sRGB colours, with every metadata field dropped."""
    transparent = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    picture = picture.convert("RGBA" if transparent else "RGB")
    if transparent and picture.getchannel("A").getextrema()[0] == 255:
        picture = picture.convert("RGB")
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(picture, profile, ImageCms.createProfile("sRGB"))
            picture = converted if converted is not None else picture  # None only when asked inPlace
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken colour profile: show the pixels as they are rather than refuse the photo
    picture.info = {}
    return picture


def on_white(picture: Image.Image) -> Image.Image:
    """JPEG has no transparency: lay transparent images on white."""
    if picture.mode != "RGBA":
        return picture
    background = Image.new("RGB", picture.size, "white")
    background.paste(picture, mask=picture.getchannel("A"))
    return background


def widths_for(width: int, settings: MediaSettings) -> list[int]:
    """The srcset widths for a source this wide: never enlarged, none within 20 % of the next, smallest first."""
    largest = min(width, max(settings.image_widths))
    return sorted({wanted for wanted in settings.image_widths if wanted < 0.8 * largest} | {largest})


def convert_image(source: Path, workdir: Path, label: str, settings: MediaSettings) -> dict:
    """Write every width as WebP and JPEG into `workdir`; return tour.json `media_image` with Paths for URLs."""
    picture = open_upright(source, label, settings)
    srcset_webp, srcset_jpeg = [], []
    for width in widths_for(picture.width, settings):
        height = max(1, round(picture.height * width / picture.width))
        sized = (
            picture
            if width == picture.width
            else picture.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3)
        )
        webp, jpeg = workdir / f"{width}.webp", workdir / f"{width}.jpg"
        sized.save(webp, "WEBP", quality=settings.webp_quality, method=4)
        on_white(sized).save(jpeg, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True)
        srcset_webp.append({"src": webp, "width": width, "type": "image/webp"})
        srcset_jpeg.append({"src": jpeg, "width": width, "type": "image/jpeg"})
    return {
        "src": srcset_jpeg[-1]["src"],
        "width": width,
        "height": height,
        "srcset": srcset_webp + srcset_jpeg,
    }
