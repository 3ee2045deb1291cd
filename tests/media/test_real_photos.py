"""Real camera files (../shared/panoramas) through the MediaStore: their GPS position must not reach dist."""

from __future__ import annotations

import shutil

import pytest
from PIL import ExifTags, Image

from hallbuilder.builder.media import MediaStore


@pytest.mark.parametrize(
    "name", ["akihabara-station-platform_4096x2048.jpg", "cerro-toco-theta-s_4096x2048.jpg"]
)
def test_a_real_photo_with_a_gps_position_loses_it(panoramas, tmp_path, name):
    with Image.open(panoramas / name) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the camera really wrote where it stood
        assert "xmp" in original.info
    (tmp_path / "hall/photos").mkdir(parents=True)
    shutil.copyfile(panoramas / name, tmp_path / "hall/photos" / name)  # into tmp_path only, never the repo
    store = MediaStore(tmp_path / "hall", tmp_path / "dist", tmp_path / "cache")

    image = store.image(f"photos/{name}")

    assert (image["width"], image["height"]) == (1600, 800)
    assert [(item["width"], item["type"]) for item in image["srcset"]] == [
        (480, "image/webp"),
        (960, "image/webp"),
        (1600, "image/webp"),
        (480, "image/jpeg"),
        (960, "image/jpeg"),
        (1600, "image/jpeg"),
    ]
    for item in image["srcset"]:
        path = tmp_path / "dist" / item["src"]
        with Image.open(path) as picture:
            assert picture.size == (item["width"], item["width"] // 2)
            assert len(picture.getexif()) == 0
            assert not {"exif", "xmp", "icc_profile", "photoshop"} & set(picture.info)
        data = path.read_bytes()
        assert b"GPS" not in data and b"xmpmeta" not in data and b"Exif" not in data
