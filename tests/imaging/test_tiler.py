"""The written pyramid: layout, sizes, levels, base net, thumbnail, preview, progress and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from hallbuilder.errors import BuildError, PhotoError
from hallbuilder.imaging import (
    FACES,
    Level,
    TileSettings,
    open_panorama,
    render_preview,
    tile_panorama,
    validate_tiles,
)
from hallbuilder.imaging.geometry import face_table, sample

from .conftest import assemble_face, read_jpeg


def difference(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(np.float64) - b.astype(np.float64)).mean())


def test_layout_is_exactly_the_plan(wyman_tiles):
    out_dir, result, _ = wyman_tiles
    assert result.levels == [Level(656, 1), Level(1312, 2)]
    assert (result.tile_size, result.width, result.base_face_size) == (656, 4096, 256)
    files = sorted(str(path.relative_to(out_dir)) for path in out_dir.rglob("*") if path.is_file())
    tiles = [f"tiles/0/{face}/0_0.jpg" for face in FACES]
    tiles += [f"tiles/1/{face}/{row}_{col}.jpg" for face in FACES for row in (0, 1) for col in (0, 1)]
    assert files == sorted([*tiles, "base.jpg", "thumb.jpg"])
    assert result.tiles == 30
    assert result.bytes == sum(path.stat().st_size for path in out_dir.rglob("*.jpg"))
    assert validate_tiles(out_dir, result.levels) == ([], [])
    for path in out_dir.rglob("tiles/**/*.jpg"):
        assert read_jpeg(path).shape == (656, 656, 3)


def test_validate_reports_missing_wrong_and_extra_tiles(wyman_tiles, tmp_path):
    out_dir, result, _ = wyman_tiles
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(out_dir), str(copy)], check=True)
    (copy / "tiles/1/top/1_1.jpg").unlink()
    (copy / "tiles/1/top/0_0.jpg").write_bytes((copy / "base.jpg").read_bytes())
    (copy / "tiles/1/top/2_0.jpg").write_bytes(b"stray")
    errors, warnings = validate_tiles(copy, result.levels)
    assert errors == [
        f"{copy}/tiles/1/top/0_0.jpg: 1024×768 pixels, expected 656×656",
        f"{copy}/tiles/1/top/1_1.jpg: missing",
        f"{copy}/tiles/2/top/2_0.jpg: not part of the plan".replace("tiles/2/", "tiles/1/"),
    ]
    assert warnings == []


def test_lower_levels_are_the_top_level_halved(wyman_tiles):
    out_dir, result, faces = wyman_tiles
    for face in FACES:
        small = assemble_face(out_dir, result, 0, face)
        halved = cv2.resize(faces[face], (656, 656), interpolation=cv2.INTER_AREA)
        assert difference(small, halved) < 4, face  # both went through JPEG once
        assert difference(small, halved[::-1]) > 20, face


def test_base_net_places_each_face(wyman_tiles):
    """4×3 cross: middle row left|front|right|back, top above front, bottom below front, rest black."""
    out_dir, _, faces = wyman_tiles
    net = read_jpeg(out_dir / "base.jpg")
    assert net.shape == (768, 1024, 3)
    cells = {
        "left": (0, 1),
        "front": (1, 1),
        "right": (2, 1),
        "back": (3, 1),
        "top": (1, 0),
        "bottom": (1, 2),
    }
    for face, (col, row) in cells.items():
        cell = net[row * 256 : (row + 1) * 256, col * 256 : (col + 1) * 256]
        expected = cv2.resize(faces[face], (256, 256), interpolation=cv2.INTER_AREA)
        assert difference(cell, expected) < 8, face  # detailed trees at 256 px, quality 65
        assert difference(cell, expected[:, ::-1]) > 20, face
    for col, row in [(0, 0), (2, 0), (3, 0), (0, 2), (2, 2), (3, 2)]:
        assert net[row * 256 + 8 : (row + 1) * 256 - 8, col * 256 + 8 : (col + 1) * 256 - 8].max() < 8


def test_thumbnail_is_a_small_equirect(wyman_tiles, panoramas):
    out_dir, _, _ = wyman_tiles
    thumb = read_jpeg(out_dir / "thumb.jpg")
    assert thumb.shape == (256, 512, 3)
    photo = open_panorama(panoramas / "wyman-park-playground_4096x2048.jpg")
    expected = cv2.resize(photo, (512, 256), interpolation=cv2.INTER_AREA)
    assert difference(thumb, expected) < 5
    assert difference(thumb, np.roll(expected, 64, axis=1)) > 20


@pytest.fixture(scope="module")
def taj(panoramas) -> np.ndarray:
    return open_panorama(panoramas / "taj-mahal_2048x1024.jpg")


def upscaled(photo: np.ndarray, width: int) -> np.ndarray:
    """A bigger panorama made fast (generating a synthetic one at 8K takes seconds)."""
    return cv2.resize(photo, (width, width // 2), interpolation=cv2.INTER_LINEAR)


def test_progress_counts_every_tile_on_the_calling_thread(taj, tmp_path):
    import threading

    calls = []
    result = tile_panorama(
        upscaled(taj, 4096), tmp_path / "out", progress=lambda n: calls.append((n, threading.get_ident()))
    )
    assert sum(n for n, _ in calls) == result.tiles == 30
    assert {thread for _, thread in calls} == {threading.get_ident()}


def test_settings_change_the_output(taj, tmp_path):
    settings = TileSettings(tile_size=1024, quality=60, base_face_size=128, thumb_width=256)
    result = tile_panorama(upscaled(taj, 8192), tmp_path / "out", settings)
    assert result.levels == [Level(1024, 1), Level(2048, 2)]
    assert read_jpeg(tmp_path / "out" / "base.jpg").shape == (384, 512, 3)
    assert read_jpeg(tmp_path / "out" / "thumb.jpg").shape == (128, 256, 3)
    assert validate_tiles(tmp_path / "out", result.levels, settings) == ([], [])


def test_a_decoded_array_gives_the_same_tiles(panoramas, tmp_path):
    photo = panoramas / "taj-mahal_2048x1024.jpg"
    from_file = tile_panorama(photo, tmp_path / "file")
    from_array = tile_panorama(open_panorama(photo), tmp_path / "array")
    assert from_file == from_array
    for path in (tmp_path / "file").rglob("*.jpg"):
        assert path.read_bytes() == (tmp_path / "array" / path.relative_to(tmp_path / "file")).read_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "taj-mahal_2048x1024.jpg",  # progressive 4:4:0
        "cerro-toco-theta-s_4096x2048.jpg",  # stale GPano XMP
        "photosphere-garden_4000x2000.jpg",  # EXIF orientation 0, 4000 wide
        "jordan-pond_5000x2500.jpg",  # 5000: not a multiple of 512
    ],
)
def test_real_photos_tile_cleanly(panoramas, tmp_path, name):
    result = tile_panorama(panoramas / name, tmp_path)
    assert validate_tiles(tmp_path, result.levels) == ([], [])
    front = assemble_face(tmp_path, result, len(result.levels) - 1, "front")
    pixels = open_panorama(panoramas / name)
    direct = sample(
        pixels, *vars(face_table("front", result.levels[-1].face_size, *pixels.shape[1::-1])).values()
    )
    assert difference(front, direct) < 4.5  # JPEG at quality 82 on a detailed photo
    assert difference(front, direct[:, ::-1]) > 15


def test_a_bad_photo_fails_before_anything_is_written(panoramas, tmp_path):
    photo = panoramas / "not-2to1" / "charles-street-partial_4096x1480.jpg"
    with pytest.raises(PhotoError) as error:
        tile_panorama(photo, tmp_path / "out")
    assert error.value.message.startswith(f"{photo}: the photo is 4096×1480 pixels, but a full panorama")
    assert not (tmp_path / "out").exists()


def test_a_truncated_photo_is_a_photo_error(make_equirect, tmp_path):
    photo = make_equirect(2048)
    photo.write_bytes(photo.read_bytes()[:50_000])
    with pytest.raises(PhotoError, match=r"pano.jpg: the image data is truncated or damaged;"):
        tile_panorama(photo, tmp_path / "out")


def test_a_full_disk_is_a_build_error_naming_the_file(make_equirect, tmp_path, monkeypatch):
    def full(self, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(BuildError) as error:
        tile_panorama(make_equirect(2048), tmp_path / "out")
    assert error.value.message.endswith(
        ".jpg: cannot write (No space left on device); check free disk space and permissions"
    )
    assert str(tmp_path / "out") in error.value.message


def test_preview_looks_where_it_is_told(make_equirect, tmp_path):
    """yaw right-positive, pitch up-positive: the view's centre shows the photo at that direction."""
    pixels = open_panorama(make_equirect(2048, name="pano.jpg"))
    for yaw, pitch in [(0, 0), (90, 0), (-120, 30), (45, -60)]:
        out = tmp_path / f"view-{yaw}-{pitch}.jpg"
        assert render_preview(pixels, out, yaw, pitch, 70, size=(320, 180), quality=95) == (320, 180)
        view = read_jpeg(out)
        col = int(((yaw / 360 + 0.5) % 1) * 2048)
        row = int((0.5 - pitch / 180) * 1024)
        expected = pixels[row - 4 : row + 4, col - 4 : col + 4].mean(axis=(0, 1))
        assert np.abs(view[86:94, 156:164].mean(axis=(0, 1)) - expected).max() < 8, (yaw, pitch)


def test_preview_of_a_real_photo_fits_the_inline_budget(panoramas, tmp_path):
    out = tmp_path / "preview.jpg"
    size = render_preview(panoramas / "library-atrium_8192x4096.jpg", out, yaw=0, pitch=0, fov=65)
    assert size == (1024, 576) and read_jpeg(out).shape == (576, 1024, 3)
    assert 25_000 < out.stat().st_size <= 60_000


def test_vertical_fov_is_respected(make_equirect, tmp_path):
    """A 90° vertical view spans latitude -45..45: its top edge centre sits at latitude 45°."""
    pixels = open_panorama(make_equirect(2048, name="pano.jpg"))
    out = tmp_path / "view.jpg"
    render_preview(pixels, out, 0, 0, 90, size=(400, 200), quality=95)
    top_centre = read_jpeg(out)[0:2, 198:202].mean(axis=(0, 1))
    expected = pixels[255:257, 1022:1026].mean(axis=(0, 1))  # row of latitude 45°
    assert np.abs(top_centre - expected).max() < 8


def test_cli_tiles_one_photo_and_reports_bad_photos_without_traceback(panoramas, tmp_path):
    command = [sys.executable, "-m", "hallbuilder.imaging", "tile"]
    done = subprocess.run(
        [*command, str(panoramas / "taj-mahal_2048x1024.jpg"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "taj-mahal_2048x1024.jpg: 6 tiles, 1 levels, top face 656 px (1×1 tiles of 656)" in done.stdout
    assert (tmp_path / "out" / "tiles" / "0" / "front" / "0_0.jpg").exists()
    bad = subprocess.run(
        [*command, "photos/missing.jpg", str(tmp_path / "bad")], capture_output=True, text=True
    )
    assert bad.returncode == 2
    assert bad.stderr == "photos/missing.jpg: file not found; check the photo's path in hall.yaml\n"


def test_every_face_is_scheduled_once():
    from hallbuilder.imaging.tiler import FACE_ORDER

    assert sorted(FACE_ORDER) == sorted(FACES)


MALLOC_PROBE = """
import ctypes, json, sys
from hallbuilder.imaging.memory import keep_freed_memory

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
if sys.argv[1] == "tuned":
    keep_freed_memory()
before = libc.mallinfo2().hblks
buffer = libc.malloc(4 << 20)  # a band of tiles
mapped = libc.mallinfo2().hblks - before
libc.free(buffer)
print(json.dumps({"mapped": mapped, "kept_after_free": libc.mallinfo2().fordblks}))
"""


def malloc_probe(mode: str) -> dict:
    """In a child: the settings change the whole process, and the test process should keep its defaults."""
    result = subprocess.run(
        [sys.executable, "-c", MALLOC_PROBE, mode], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_the_malloc_settings_keep_freed_buffers_on_glibc():
    """glibc's default maps a 4 MB buffer and unmaps it on free; tuned, it comes from the heap and stays there."""
    default, tuned = malloc_probe("default"), malloc_probe("tuned")
    assert default["mapped"] == 1 and default["kept_after_free"] < 4 << 20
    assert tuned["mapped"] == 0 and tuned["kept_after_free"] >= 4 << 20
