"""Which photos are accepted, how they are converted, and the exact messages for the ones refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageCms

from hallbuilder.errors import PhotoError
from hallbuilder.imaging import MAX_PIXELS, check_photo, inspect_photo, open_panorama, tile_panorama

from .conftest import read_jpeg
from .icc import display_profile

FIX_2TO1 = "export the full 360° × 180° equirectangular panorama from the camera app or stitcher"
TRUNCATED = "the image data is truncated or damaged; copy the file again from the camera or re-export it"


def message(error: pytest.ExceptionInfo) -> str:
    return error.value.message


@pytest.fixture
def photos(tmp_path: Path, monkeypatch) -> Path:
    """A `photos/` folder; tests run from its parent so that messages show the relative path."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "photos").mkdir()
    return Path("photos")


def test_real_partial_panorama_is_refused(panoramas, photos):
    photo = photos / "street.jpg"
    shutil.copy(panoramas / "not-2to1" / "charles-street-partial_4096x1480.jpg", photo)
    with pytest.raises(PhotoError) as error:
        inspect_photo(photo)
    assert message(error) == (
        "photos/street.jpg: the photo is 4096×1480 pixels, but a full panorama is twice as wide as it is "
        f"high (2:1, e.g. 8192×4096); {FIX_2TO1}, not a cropped or partial one"
    )
    assert error.value.exit_code == 2


@pytest.mark.parametrize("size", [(2049, 1024), (2048, 1025), (2048, 1023), (2047, 1024)])
def test_a_pixel_of_rounding_is_tolerated(photos, size):
    photo = photos / "lobby.png"
    Image.new("RGB", size, "grey").save(photo)
    info = inspect_photo(photo)
    assert (info.width, info.height, info.format, info.mode) == (*size, "PNG", "RGB")
    assert open_panorama(photo).shape == (size[1], size[0], 3)


def test_two_pixels_off_is_refused(photos):
    photo = photos / "lobby.png"
    Image.new("RGB", (2048, 1026), "grey").save(photo)
    with pytest.raises(PhotoError, match=r"^photos/lobby.png: the photo is 2048×1026 pixels, but a full"):
        inspect_photo(photo)


def test_tiny_photo_is_refused(photos, equirect):
    photo = photos / "tiny.jpg"
    equirect(512).save(photo)
    with pytest.raises(PhotoError) as error:
        inspect_photo(photo)
    assert message(error) == (
        "photos/tiny.jpg: the photo is only 512×256 pixels; panoramas must be at least 1024×512 "
        "(8192×4096 or more looks sharp); use the original full-size export"
    )


def test_unreadable_file_is_refused(photos):
    photo = photos / "notes.jpg"
    photo.write_text("these are not pixels")
    with pytest.raises(PhotoError) as error:
        check_photo(photo)
    assert message(error) == (
        "photos/notes.jpg: cannot be read as an image; use a JPEG, PNG, TIFF or WebP file "
        "(copy it again if it was damaged)"
    )


def test_missing_file_is_refused(photos):
    with pytest.raises(PhotoError) as error:
        inspect_photo(photos / "gone.jpg")
    assert message(error) == "photos/gone.jpg: file not found; check the photo's path in hall.yaml"


def test_other_formats_are_refused(photos, equirect):
    photo = photos / "lobby.gif"
    equirect(1024).save(photo)
    with pytest.raises(PhotoError) as error:
        inspect_photo(photo)
    assert (
        message(error)
        == "photos/lobby.gif: GIF photos are not supported; save it as JPEG (or PNG, TIFF, WebP)"
    )


@pytest.mark.parametrize("suffix", ["jpg", "png"])
def test_truncated_photo_passes_the_header_check_but_not_the_full_check(photos, suffix, equirect):
    whole = photos / f"whole.{suffix}"
    equirect(1024).save(whole)
    photo = photos / f"cut.{suffix}"
    photo.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 3])
    assert inspect_photo(photo).width == 1024
    with pytest.raises(PhotoError) as error:
        check_photo(photo)
    assert message(error) == f"photos/cut.{suffix}: {TRUNCATED}"


def test_pixel_cap_is_deliberate_and_refuses_before_decoding(photos, monkeypatch):
    assert Image.MAX_IMAGE_PIXELS == MAX_PIXELS == 200_000_000
    monkeypatch.setattr("hallbuilder.imaging.photo.MAX_PIXELS", 500_000)
    photo = photos / "huge.png"
    Image.new("RGB", (1024, 512)).save(photo)
    with pytest.raises(PhotoError) as error:
        inspect_photo(photo)
    assert message(error) == (
        "photos/huge.png: the photo is 1024×512 pixels, more than the 0.5 megapixel limit; "
        "resize it to 16384×8192 (or smaller) in an image editor"
    )


def test_decompression_bomb_is_a_photo_error(photos, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    photo = photos / "bomb.png"
    Image.new("L", (2048, 1024)).save(photo)
    with pytest.raises(PhotoError) as error:
        inspect_photo(photo)
    assert message(error) == (
        "photos/bomb.png: the photo is larger than the 200 megapixel limit; "
        "resize it to 16384×8192 (or smaller) in an image editor"
    )


def mean_error(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(int) - b.astype(int)).mean())


@pytest.mark.parametrize("suffix", ["jpg", "tif"])
def test_cmyk_is_converted_to_rgb(photos, suffix, equirect):
    photo = photos / f"print.{suffix}"
    equirect(1024).convert("CMYK").save(photo, **({"quality": 95} if suffix == "jpg" else {}))
    info = check_photo(photo)
    assert info.mode == "CMYK"
    pixels = open_panorama(photo)
    assert pixels.shape == (512, 1024, 3) and pixels.dtype == np.uint8
    assert mean_error(pixels, np.asarray(equirect())) < 4


def test_16_bit_rgb_png_and_tiff_are_scaled_to_8_bit(photos, equirect):
    rgb16 = np.asarray(equirect()).astype(np.uint16) * 257 + 100
    for name in ("deep.png", "deep.tif"):
        cv2.imwrite(str(photos / name), rgb16[..., ::-1])  # OpenCV writes BGR
        pixels = open_panorama(photos / name)
        assert mean_error(pixels, np.asarray(equirect())) < 1, name


def test_16_bit_grey_is_scaled_not_clipped(photos):
    grey16 = (np.linspace(0, 65535, 1024)[None, :].repeat(512, axis=0)).astype(np.uint16)
    photo = photos / "grey16.png"
    Image.fromarray(grey16).save(photo)
    assert inspect_photo(photo).mode in ("I;16", "I")
    pixels = open_panorama(photo)
    assert pixels.shape == (512, 1024, 3)
    assert pixels[0, 0].tolist() == [0, 0, 0] and pixels[0, -1].tolist() == [255, 255, 255]
    assert abs(int(pixels[0, 512, 0]) - 128) <= 1


def test_palette_photo_is_converted(photos, equirect):
    photo = photos / "palette.png"
    equirect(1024).convert("P", palette=Image.Palette.ADAPTIVE, colors=256).save(photo)
    assert inspect_photo(photo).mode == "P"
    with Image.open(photo) as image:
        assert np.array_equal(open_panorama(photo), np.asarray(image.convert("RGB")))


def test_alpha_is_flattened_onto_black(photos, equirect):
    rgba = np.dstack([np.asarray(equirect()), np.full((512, 1024), 255, np.uint8)])
    rgba[400:, :, 3] = 0  # the unfilled nadir of a stitch
    photo = photos / "alpha.png"
    Image.fromarray(rgba, "RGBA").save(photo)
    pixels = open_panorama(photo)
    assert pixels[400:].max() == 0
    assert np.array_equal(pixels[:400], np.asarray(equirect())[:400])


def test_palette_with_transparency_is_flattened(photos):
    image = Image.new("P", (1024, 512), 1)
    image.putpalette([255, 0, 0, 0, 255, 0] + [0] * 762)
    photo = photos / "pal-alpha.png"
    image.save(photo, transparency=0)
    image.paste(0, (0, 0, 1024, 100))
    image.save(photo, transparency=0)
    pixels = open_panorama(photo)
    assert pixels[:100].max() == 0 and pixels[100:, :, 1].min() == 255


@pytest.mark.parametrize("suffix", ["webp", "tif"])
def test_webp_and_tiff_are_accepted(photos, suffix, equirect):
    photo = photos / f"lobby.{suffix}"
    equirect(1024).save(photo, **({"lossless": True} if suffix == "webp" else {}))
    assert check_photo(photo).format == {"webp": "WEBP", "tif": "TIFF"}[suffix]
    assert mean_error(open_panorama(photo), np.asarray(equirect())) < 1


def test_exif_orientation_is_never_applied(photos, equirect):
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise": would turn a 2:1 panorama into 1:2
    photo = photos / "rotated.jpg"
    equirect(2048).save(photo, exif=exif, quality=95)
    with Image.open(photo) as image:
        assert image.getexif()[0x0112] == 6
    info = check_photo(photo)
    assert (info.width, info.height) == (2048, 1024)
    assert open_panorama(photo).shape == (1024, 2048, 3)
    assert mean_error(open_panorama(photo), np.asarray(equirect(2048))) < 2


def test_stale_xmp_of_the_theta_file_is_not_trusted(panoramas):
    photo = panoramas / "cerro-toco-theta-s_4096x2048.jpg"
    assert b"FullPanoWidthPixels" in photo.read_bytes()[:200_000]  # the stale 5376×2688 XMP is there
    info = check_photo(photo)
    assert (info.width, info.height) == (4096, 2048)
    assert open_panorama(photo).shape == (2048, 4096, 3)


def test_progressive_440_jpeg_decodes_like_pillow(panoramas):
    photo = panoramas / "taj-mahal_2048x1024.jpg"
    with Image.open(photo) as image:
        assert image.info.get("progressive") and image.layer[0][1:3] == (1, 2)  # luma 1×2: 4:4:0
        reference = np.asarray(image.convert("RGB"))
    pixels = open_panorama(photo)
    assert pixels.shape == (1024, 2048, 3)
    assert mean_error(pixels, reference) < 1.5


def test_every_real_full_panorama_is_accepted(panoramas):
    photos = sorted(panoramas.glob("*.jpg"))
    assert len(photos) == 8
    for photo in photos:
        info = check_photo(photo)
        assert info.width == 2 * info.height, photo.name


def test_greyscale_jpeg_becomes_three_equal_channels(photos, equirect):
    photo = photos / "grey.jpg"
    equirect(1024).convert("L").save(photo, quality=95)
    assert inspect_photo(photo).mode == "L"
    pixels = open_panorama(photo)
    assert pixels.shape == (512, 1024, 3)
    assert np.array_equal(pixels[..., 0], pixels[..., 1]) and np.array_equal(pixels[..., 1], pixels[..., 2])
    with Image.open(photo) as image:
        assert mean_error(pixels[..., 0], np.asarray(image)) < 1


@pytest.mark.parametrize("suffix", ["jpg", "png"])
def test_a_wide_gamut_photo_is_converted_to_srgb(photos, suffix, tmp_path):
    """Display P3 orange is a more saturated orange in sRGB (what phones assume for tiles without a profile)."""
    photo = photos / f"p3.{suffix}"
    Image.new("RGB", (1024, 512), (200, 100, 50)).save(photo, icc_profile=display_profile(), quality=100)
    assert check_photo(photo).icc is not None
    pixels = open_panorama(photo)
    assert np.abs(pixels[256, 512].astype(int) - (216, 93, 24)).max() <= 3  # littleCMS: P3 → sRGB
    result = tile_panorama(photo, tmp_path / "tiles")
    tile = read_jpeg(tmp_path / "tiles" / "tiles" / "0" / "front" / "0_0.jpg")
    assert result.tiles and np.abs(tile.reshape(-1, 3).mean(0) - (216, 93, 24)).max() < 4


def test_srgb_and_unreadable_profiles_leave_the_colours_alone(photos):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    for name, profile in [("srgb.jpg", srgb), ("broken.jpg", b"not a colour profile")]:
        Image.new("RGB", (1024, 512), (200, 100, 50)).save(photos / name, icc_profile=profile, quality=100)
        assert inspect_photo(photos / name).icc is None, name
        assert np.abs(open_panorama(photos / name)[0, 0].astype(int) - (200, 100, 50)).max() <= 2, name
