"""Branch photo uploads on both databases: only pixels survive (colour profiles applied as sRGB), and a form
with too many pixels is refused from the photos' headers before any of them is decoded.
"""

from __future__ import annotations

import io
import re
from functools import cache

import numpy as np
import pytest
from imaging.icc import display_profile
from PIL import Image, PngImagePlugin

from hallbuilder.service.branches import forms, photos

from .test_admin import add_user, csrf, log_in

PAGE = "/admin/showcases/demo-hall/north-branch/"
ORANGE, ORANGE_IN_SRGB = (200, 100, 50), (216, 93, 24)  # Display P3 orange is a more saturated sRGB orange


@pytest.fixture
def branch(client, database):
    add_user(database, "north", "branch", hall_id="demo-hall", branch_id="north-branch")
    assert log_in(client, "north").status_code == 302
    return client


def upload(client, *files: tuple[str, bytes]):
    data = {"csrf_token": csrf(client, PAGE), "title": "植树", "date": "2026-03-12"}
    data["photos"] = [(io.BytesIO(content), name) for name, content in files]
    return client.post(PAGE, data=data, content_type="multipart/form-data")


def stored_photos(client) -> list[bytes]:
    page = client.get(PAGE).get_data(as_text=True)
    return [client.get(f"{PAGE}photos/{ident}").data for ident in re.findall(r"/photos/(\d+)", page)]


def encoded(picture: Image.Image, kind: str, **options) -> bytes:
    out = io.BytesIO()
    picture.save(out, kind, **options)
    return out.getvalue()


def test_a_jpeg_comment_exif_and_profile_do_not_survive(branch):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (39.0, 54.0, 0.0)}
    sent = encoded(
        Image.new("RGB", (120, 80), ORANGE),
        "JPEG",
        comment=b"call 13800138000",
        exif=exif.tobytes(),
        icc_profile=display_profile(),
        quality=95,
    )
    assert Image.open(io.BytesIO(sent)).info["comment"] == b"call 13800138000"
    assert upload(branch, ("p3.jpg", sent)).status_code == 302
    [data] = stored_photos(branch)
    stored = Image.open(io.BytesIO(data))
    assert stored.format == "JPEG"
    assert "comment" not in stored.info and "icc_profile" not in stored.info and "exif" not in stored.info
    assert b"13800138000" not in data and b"PhoneMaker" not in data
    assert np.abs(np.asarray(stored)[40, 60].astype(int) - ORANGE_IN_SRGB).max() <= 4


def test_a_png_profile_is_applied_and_its_text_chunks_dropped(branch):
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "加微信 abc123")
    text.add_text("Author", "someone@example.org")
    sent = encoded(Image.new("RGB", (90, 60), ORANGE), "PNG", icc_profile=display_profile(), pnginfo=text)
    assert upload(branch, ("p3.png", sent)).status_code == 302
    [data] = stored_photos(branch)
    stored = Image.open(io.BytesIO(data))
    assert "icc_profile" not in stored.info and "Comment" not in stored.info and "Author" not in stored.info
    assert b"example.org" not in data
    assert np.abs(np.asarray(stored)[30, 45].astype(int) - ORANGE_IN_SRGB).max() <= 4


def test_a_transparent_png_keeps_its_alpha_and_loses_its_profile(branch):
    picture = Image.new("RGBA", (64, 64), (*ORANGE, 128))
    sent = encoded(picture, "PNG", icc_profile=display_profile())
    assert upload(branch, ("alpha.png", sent)).status_code == 302
    [data] = stored_photos(branch)
    stored = Image.open(io.BytesIO(data))
    assert stored.format == "PNG" and stored.mode == "RGBA" and "icc_profile" not in stored.info
    red, green, blue, alpha = np.asarray(stored)[32, 32].astype(int)
    assert alpha == 128 and np.abs(np.array([red, green, blue]) - ORANGE_IN_SRGB).max() <= 4


def test_a_webp_with_a_profile_and_exif_is_stored_as_plain_srgb(branch):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    sent = encoded(
        Image.new("RGB", (80, 80), ORANGE), "WEBP", icc_profile=display_profile(), exif=exif, lossless=True
    )
    assert upload(branch, ("p3.webp", sent)).status_code == 302
    [data] = stored_photos(branch)
    stored = Image.open(io.BytesIO(data))
    assert "icc_profile" not in stored.info and "exif" not in stored.info and b"PhoneMaker" not in data
    assert np.abs(np.asarray(stored)[40, 40].astype(int) - ORANGE_IN_SRGB).max() <= 4


def test_an_unreadable_profile_keeps_the_colours_and_is_dropped(branch):
    sent = encoded(Image.new("RGB", (80, 80), ORANGE), "PNG", icc_profile=b"not a colour profile")
    assert upload(branch, ("broken.png", sent)).status_code == 302
    [data] = stored_photos(branch)
    stored = Image.open(io.BytesIO(data))
    assert "icc_profile" not in stored.info
    assert np.abs(np.asarray(stored)[40, 40].astype(int) - ORANGE).max() <= 4


@cache
def forty_megapixels() -> bytes:
    """A 40-megapixel grey PNG of about 40 KB: tiny to send, 40 MB (RGB: 120 MB) to decode."""
    return encoded(Image.new("L", (6400, 6250), 128), "PNG", compress_level=9)


def test_nine_40_megapixel_pngs_are_refused_before_any_is_decoded(branch, monkeypatch):
    decoded = []
    monkeypatch.setattr(photos, "_reencode", lambda data: decoded.append(len(data)))
    sent = [(f"big{index}.png", forty_megapixels()) for index in range(9)]
    assert sum(len(data) for _, data in sent) < 1024 * 1024
    response = upload(branch, *sent)
    assert response.status_code == 400
    assert (
        "Photos: these 9 photos hold 360 megapixels together, more than one save takes (120); "
        "save fewer at a time and add the rest in a second edit."
    ) in response.get_data(as_text=True)
    assert decoded == []
    assert stored_photos(branch) == []


def test_photos_under_the_form_limit_are_all_read():
    small = encoded(Image.new("RGB", (300, 200), ORANGE), "JPEG")
    read, problems = forms.read_photos([("a.jpg", small), ("b.jpg", small)])
    assert problems == [] and [(photo.width, photo.height) for photo in read] == [(300, 200), (300, 200)]
    assert forms.MAX_FORM_PIXELS >= 9 * 4000 * 3000  # nine 12-megapixel phone photos fit in one save
