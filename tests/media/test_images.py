"""Photos: upright, no metadata left, WebP and JPEG at a few widths, never enlarged."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import ExifTags, Image

from hallbuilder.errors import MediaError
from hallbuilder.media.images import convert_image, widths_for
from hallbuilder.media.settings import MediaSettings

from .conftest import photo_with_metadata

SETTINGS = MediaSettings()
BLUE, RED = (30, 30, 220), (220, 30, 30)


def close_to(pixel, colour) -> bool:
    return all(abs(a - b) < 12 for a, b in zip(pixel[:3], colour, strict=True))


def test_a_phone_photo_is_turned_upright_and_offered_at_three_widths(tmp_path):
    source = photo_with_metadata(tmp_path / "photos/bronze.jpg", size=(2400, 1600), orientation=6)
    out = tmp_path / "out"
    out.mkdir()
    result = convert_image(source, out, "photos/bronze.jpg", SETTINGS)

    # stored 2400×1600 but shown rotated 90° clockwise: 1600×2400, the blue third on top
    assert (result["width"], result["height"]) == (1600, 2400)
    assert result["src"] == out / "1600.jpg"
    assert [(item["src"].name, item["width"], item["type"]) for item in result["srcset"]] == [
        ("480.webp", 480, "image/webp"),
        ("960.webp", 960, "image/webp"),
        ("1600.webp", 1600, "image/webp"),
        ("480.jpg", 480, "image/jpeg"),
        ("960.jpg", 960, "image/jpeg"),
        ("1600.jpg", 1600, "image/jpeg"),
    ]
    for item in result["srcset"]:
        with Image.open(item["src"]) as picture:
            assert picture.format == ("WEBP" if item["type"] == "image/webp" else "JPEG")
            assert picture.size == (item["width"], item["width"] * 3 // 2)
            rgb = picture.convert("RGB")
            assert close_to(rgb.getpixel((picture.width // 2, 5)), BLUE)
            assert close_to(rgb.getpixel((picture.width // 2, picture.height - 5)), RED)


def test_no_gps_position_or_other_metadata_is_left(tmp_path):
    source = photo_with_metadata(tmp_path / "photos/bronze.jpg")
    with Image.open(source) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the input really carries a position
        assert original.info["icc_profile"]
    result = convert_image(source, tmp_path, "photos/bronze.jpg", SETTINGS)
    for item in result["srcset"]:
        with Image.open(item["src"]) as picture:
            assert not picture.getexif().get_ifd(ExifTags.IFD.GPSInfo)
            assert len(picture.getexif()) == 0
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile"} & set(picture.info)
        data = item["src"].read_bytes()
        assert b"PhoneMaker" not in data and b"SN-123456" not in data and b"Exif" not in data


def test_a_small_image_is_never_enlarged(tmp_path):
    source = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), RED).save(source)
    result = convert_image(source, tmp_path, "images/logo.png", SETTINGS)
    assert (result["width"], result["height"]) == (300, 120)
    assert [item["width"] for item in result["srcset"]] == [300, 300]


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (4000, [480, 960, 1600]),
        (1600, [480, 960, 1600]),
        (1100, [480, 1100]),
        (1000, [480, 1000]),
        (500, [500]),
        (200, [200]),
    ],
)
def test_widths_skip_sizes_too_close_to_the_next(width, expected):
    assert widths_for(width, SETTINGS) == expected


def test_transparency_is_kept_in_webp_and_laid_on_white_in_jpeg(tmp_path):
    source = tmp_path / "plan.png"
    picture = Image.new("RGBA", (600, 400), (0, 0, 0, 0))
    picture.paste((30, 30, 220, 255), (0, 0, 300, 400))
    picture.save(source)
    result = convert_image(source, tmp_path, "floorplan.png", SETTINGS)
    webp, jpeg = (item["src"] for item in result["srcset"] if item["width"] == 600)
    with Image.open(webp) as image:
        assert image.mode == "RGBA" and image.getpixel((500, 200))[3] == 0
    with Image.open(jpeg) as image:
        assert close_to(image.getpixel((500, 200)), (255, 255, 255))
        assert close_to(image.getpixel((100, 200)), BLUE)


def test_a_damaged_image_is_refused_with_the_fix(tmp_path):
    source = tmp_path / "broken.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0 not a real jpeg")
    with pytest.raises(MediaError) as caught:
        convert_image(source, tmp_path, "photos/broken.jpg", SETTINGS)
    assert caught.value.message == (
        "photos/broken.jpg: cannot read this image (it may be damaged or in an "
        "unsupported format). Save it again as JPEG, PNG or WebP."
    )


def test_a_truncated_image_is_refused(tmp_path):
    source = photo_with_metadata(tmp_path / "cut.jpg", orientation=1)
    source.write_bytes(source.read_bytes()[:3000])
    with pytest.raises(MediaError, match=r"^photos/cut\.jpg: cannot read this image"):
        convert_image(source, tmp_path, "photos/cut.jpg", SETTINGS)


def test_heic_gets_its_own_fix(tmp_path):
    source = tmp_path / "IMG_0001.HEIC"
    source.write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(64))
    with pytest.raises(MediaError) as caught:
        convert_image(source, tmp_path, "photos/IMG_0001.HEIC", SETTINGS)
    assert caught.value.message == (
        "photos/IMG_0001.HEIC: browsers cannot show HEIC photos. Export it as JPEG "
        "(on an iPhone: Settings > Camera > Formats > Most Compatible)."
    )


def test_too_many_pixels_are_refused_before_decoding(tmp_path):
    source = tmp_path / "huge.png"
    Image.new("RGB", (3000, 2000)).save(source)
    with pytest.raises(MediaError) as caught:
        convert_image(source, tmp_path, "cover.png", replace(SETTINGS, max_image_pixels=5_000_000))
    assert caught.value.message == (
        "cover.png: the image is 3000×2000 pixels; at most 5 megapixels are "
        "accepted. Save it smaller (2000 pixels wide is plenty for a phone)."
    )
