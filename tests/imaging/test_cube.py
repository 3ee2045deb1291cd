"""Six cube faces as a photo: tiled straight into the pyramid, in the same orientation as an equirect's tiles."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import py360convert
import pytest
from PIL import Image

from hallbuilder.errors import PhotoError
from hallbuilder.imaging import (
    FACES,
    CubeFaces,
    Level,
    check_cube,
    find_faces,
    inspect_cube,
    open_panorama,
    panorama_hash,
    render_preview,
    tile_panorama,
    validate_tiles,
)
from hallbuilder.imaging.cube import MIN_FACE, DecodedCube, cube_to_equirect

from .conftest import assemble_face, read_jpeg

NAMES = ("front", "right", "back", "left", "up", "down")  # what staff name the faces (FACES' order)
WRONG_TURNS = {
    "turned": np.rot90,
    "upside down": lambda face: face[::-1],
    "mirrored": lambda face: face[:, ::-1],
}


def difference(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(np.float64) - b.astype(np.float64)).mean())


def wyman_cube(panoramas: Path) -> CubeFaces:
    """The author's own faces of the Wyman Park photo, face0..5 = front, right, back, left, up, down."""
    return CubeFaces(
        tuple(panoramas / "wyman-park-playground-cube" / f"face{index}.jpg" for index in range(6))
    )


def write_faces(folder: Path, faces: dict[str, np.ndarray], names=NAMES, suffix: str = ".png") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for face, name in zip(FACES, names, strict=True):
        Image.fromarray(faces[face]).save(folder / f"{name}{suffix}")
    return folder


def exact_faces(equirect: np.ndarray, size: int) -> dict[str, np.ndarray]:
    """py360convert's faces sampled at our pixel centres (the odd points of its 2N+1 end-point grid)."""
    faces = py360convert.e2c(equirect, face_w=2 * size + 1, mode="bilinear", cube_format="dict")
    return {face: faces[key][1::2, 1::2] for face, key in zip(FACES, "FRBLUD", strict=True)}


@pytest.fixture(scope="module")
def synthetic(panoramas, tmp_path_factory):
    """A 4096-wide equirect (the Taj Mahal photo, upscaled: real, lopsided content) and the six faces
    py360convert makes from it (as PNG files), both tiled."""
    root = tmp_path_factory.mktemp("synthetic-cube")
    taj = open_panorama(panoramas / "taj-mahal_2048x1024.jpg")
    equirect = cv2.resize(taj, (4096, 2048), interpolation=cv2.INTER_LINEAR)
    Image.fromarray(equirect).save(root / "pano.png")
    folder = write_faces(root / "faces", exact_faces(equirect, 1312))
    cube, problems = find_faces(folder)
    assert problems == []
    from_equirect = tile_panorama(root / "pano.png", root / "from-equirect")
    from_cube = tile_panorama(cube, root / "from-cube")
    return root, equirect, cube, from_equirect, from_cube


def test_cube_faces_give_the_tiles_of_the_equirect_they_were_made_from(synthetic):
    """Same plan, and every tile of every level and face the same pixels (to JPEG noise); turned faces differ."""
    root, _, _, from_equirect, from_cube = synthetic
    assert from_cube.levels == from_equirect.levels == [Level(656, 1), Level(1312, 2)]
    assert from_cube.tiles == from_equirect.tiles == 30
    assert validate_tiles(root / "from-cube", from_cube.levels) == ([], [])
    for level in range(len(from_cube.levels)):
        for face in FACES:
            ours = assemble_face(root / "from-cube", from_cube, level, face)
            theirs = assemble_face(root / "from-equirect", from_equirect, level, face)
            assert difference(ours, theirs) < 1.0, (level, face)
            for name, turn in WRONG_TURNS.items():
                assert difference(turn(ours), theirs) > 10, (level, face, name)


def test_the_thumbnail_and_base_of_cube_faces_match_the_equirects(synthetic):
    root, _, _, _, _ = synthetic
    for name in ("thumb.jpg", "base.jpg"):
        ours, theirs = read_jpeg(root / "from-cube" / name), read_jpeg(root / "from-equirect" / name)
        assert ours.shape == theirs.shape
        assert difference(ours, theirs) < 2, name  # both JPEG at quality 82: about 1.5 of noise
        assert difference(ours[:, ::-1], theirs) > 10, name


def test_cube_faces_back_to_an_equirect_is_the_photo(synthetic):
    """cube_to_equirect inverts the faces (thumbnail and preview come from it), poles included."""
    _, equirect, cube, _, _ = synthetic
    faces = {face: np.asarray(Image.open(path)) for face, path in cube.by_face().items()}
    assert difference(cube_to_equirect(DecodedCube(faces), 4096), equirect) < 0.5
    for face, rows in (("top", np.s_[:400]), ("bottom", np.s_[-400:])):
        assert difference(cube_to_equirect(DecodedCube(faces), 4096)[rows], equirect[rows]) < 0.5
        for name, turn in WRONG_TURNS.items():
            wrong = faces | {face: np.ascontiguousarray(turn(faces[face]))}
            assert difference(cube_to_equirect(DecodedCube(wrong), 4096)[rows], equirect[rows]) > 10, (
                face,
                name,
            )


@pytest.mark.parametrize(("yaw", "pitch"), [(0, 0), (135, 10), (-60, 70), (20, -75)])
def test_the_preview_of_cube_faces_is_the_preview_of_the_equirect(synthetic, tmp_path, yaw, pitch):
    root, _, cube, _, _ = synthetic
    render_preview(cube, tmp_path / "cube.jpg", yaw, pitch, 75)
    render_preview(root / "pano.png", tmp_path / "equirect.jpg", yaw, pitch, 75)
    ours, theirs = read_jpeg(tmp_path / "cube.jpg"), read_jpeg(tmp_path / "equirect.jpg")
    assert difference(ours, theirs) < 2.5
    assert difference(ours[::-1], theirs) > 10


@pytest.fixture(scope="module")
def wyman_cube_tiles(panoramas, tmp_path_factory):
    out_dir = tmp_path_factory.mktemp("wyman-cube")
    result = tile_panorama(wyman_cube(panoramas), out_dir)
    top = len(result.levels) - 1
    return out_dir, result, {face: assemble_face(out_dir, result, top, face) for face in FACES}


def test_the_real_cube_faces_tile_like_their_own_equirect(wyman_cube_tiles, wyman_tiles):
    """The Wyman Park faces (1704 px: 2 × 848 tiles) against the tiles of the Wyman Park equirect (2 × 656)."""
    out_dir, result, cube_faces = wyman_cube_tiles
    _, from_equirect, equirect_faces = wyman_tiles
    assert result.levels == [Level(848, 1), Level(1696, 2)]
    assert validate_tiles(out_dir, result.levels) == ([], [])
    size = from_equirect.levels[-1].face_size
    for face in FACES:
        ours = cv2.resize(cube_faces[face], (size, size), interpolation=cv2.INTER_AREA)
        assert difference(ours, equirect_faces[face]) < 4, face
        for name, turn in WRONG_TURNS.items():
            assert difference(turn(ours), equirect_faces[face]) > 20, (face, name)


def test_the_real_cube_faces_thumbnail_is_the_equirects(wyman_cube_tiles, wyman_tiles):
    ours = read_jpeg(wyman_cube_tiles[0] / "thumb.jpg")
    theirs = read_jpeg(wyman_tiles[0] / "thumb.jpg")
    assert difference(ours, theirs) < 5
    assert difference(ours[:, ::-1], theirs) > 20


def test_faces_are_found_by_the_names_stitchers_give_them(tmp_path):
    face = np.zeros((8, 8, 3), np.uint8)
    faces = dict.fromkeys(FACES, face)
    for names in (
        NAMES,
        "frblud",
        [f"Lobby_{letter}" for letter in "FRBLUD"],
        ["a-front", "a-right", "a-back", "a-left", "a-top", "a-bottom"],
    ):
        folder = write_faces(tmp_path / "-".join(names), faces, names, ".jpg")
        cube, problems = find_faces(folder)
        assert problems == [], names
        assert [path.stem for path in cube.files] == list(names)


def test_a_folder_with_a_face_missing_twice_named_or_oddly_named_says_so(tmp_path):
    face = np.zeros((8, 8, 3), np.uint8)
    folder = write_faces(tmp_path / "five", dict.fromkeys(FACES, face))
    (folder / "down.png").unlink()
    (folder / "notes.txt").write_text("shot on 2026-11-02")
    assert find_faces(folder) == (
        None,
        [
            "has no down face (found front.png, right.png, back.png, left.png, up.png); name the six files by "
            "face: front, right, back, left, up, down (or f, r, b, l, u, d, e.g. lobby_u.jpg)"
        ],
    )
    Image.fromarray(face).save(folder / "d.jpg")
    Image.fromarray(face).save(folder / "f.jpg")
    assert find_faces(folder)[1] == ["has two files for the front face (f.jpg and front.png); keep one"]
    gl = write_faces(tmp_path / "gl", dict.fromkeys(FACES, face), ("px", "nx", "py", "ny", "pz", "nz"))
    assert find_faces(gl)[1] == [
        "has cube faces named nx.png, ny.png, nz.png, px.png, py.png, pz.png: such names do not say which way "
        "each face is turned; name the six files by face: front, right, back, left, up, down (or f, r, b, l, u, "
        "d, e.g. lobby_u.jpg), oriented as docs/hall-yaml.md (scenes.photo) says"
    ]


def save_faces(folder: Path, sizes: dict[str, tuple[int, int]]) -> CubeFaces:
    folder.mkdir(parents=True, exist_ok=True)
    for name, size in sizes.items():
        Image.new("RGB", size, "grey").save(folder / f"{name}.jpg")
    return CubeFaces(tuple(folder / f"{name}.jpg" for name in NAMES))


def test_faces_not_square_or_not_one_size_are_all_reported(tmp_path):
    sizes = dict.fromkeys(NAMES, (512, 512)) | {"up": (512, 500), "down": (600, 600), "left": (600, 600)}
    cube = save_faces(tmp_path / "lobby", sizes)
    with pytest.raises(PhotoError) as caught:
        inspect_cube(cube)
    folder = tmp_path / "lobby"
    assert caught.value.lines() == [
        f"{folder}/up.jpg: the up face is 512×500 pixels, but cube faces are square; export the six faces "
        "again from the stitcher (each N×N, e.g. 2048×2048)",
        f"{folder}: the cube faces differ in size (front, right, back 512×512; left, down 600×600); export all "
        "six at one size",
    ]


def test_faces_too_small_unreadable_or_truncated_are_refused(tmp_path):
    small = save_faces(tmp_path / "small", dict.fromkeys(NAMES, (200, 200)))
    with pytest.raises(PhotoError) as caught:
        inspect_cube(small)
    assert caught.value.lines() == [
        f"{tmp_path}/small: the cube faces are only 200×200 pixels; faces must be at least "
        f"{MIN_FACE}×{MIN_FACE} (2600×2600 or more looks sharp); use the full-size export"
    ]
    from hallbuilder.config.schema import PHOTO_DOC

    assert f"at least {MIN_FACE} px; 2600 or more looks sharp" in PHOTO_DOC  # what the docs promise
    cube = save_faces(tmp_path / "damaged", dict.fromkeys(NAMES, (400, 400)))
    (tmp_path / "damaged" / "right.jpg").write_bytes(b"not an image")
    data = (tmp_path / "damaged" / "back.jpg").read_bytes()
    (tmp_path / "damaged" / "back.jpg").write_bytes(data[: len(data) // 2])
    with pytest.raises(PhotoError) as caught:
        check_cube(cube)
    assert caught.value.lines() == [
        f"{tmp_path}/damaged/right.jpg: cannot be read as an image; use a JPEG, PNG, TIFF or WebP file (copy "
        "it again if it was damaged)"
    ]
    (tmp_path / "damaged" / "right.jpg").write_bytes((tmp_path / "damaged" / "front.jpg").read_bytes())
    assert inspect_cube(cube)[0] == 400  # the headers are whole: only the full decode finds the cut
    with pytest.raises(PhotoError) as caught:
        check_cube(cube)
    assert caught.value.lines() == [
        f"{tmp_path}/damaged/back.jpg: the image data is truncated or damaged; copy the file again from the "
        "camera or re-export it"
    ]


def test_the_hash_covers_every_face_and_their_order(tmp_path):
    cube = save_faces(tmp_path / "a", dict.fromkeys(NAMES, (400, 400)))
    first = panorama_hash(cube)
    assert panorama_hash(cube) == first
    swapped = CubeFaces((cube.files[1], cube.files[0], *cube.files[2:]))
    Image.new("RGB", (400, 400), "white").save(cube.files[0])
    changed = panorama_hash(cube)
    assert len({first, changed, panorama_hash(swapped)}) == 3
    Image.new("RGB", (400, 400), "black").save(cube.files[5])  # the last face counts too
    assert panorama_hash(cube) not in {first, changed}


def test_a_photo_shaped_like_cube_faces_says_how_to_give_them(panoramas):
    from hallbuilder.imaging import inspect_photo

    with pytest.raises(PhotoError) as caught:
        inspect_photo(panoramas / "wyman-park-playground-cube" / "face0.jpg")
    assert caught.value.message.endswith(
        "this looks like one cube face: give the six cube faces as separate files, in a folder (front.jpg, "
        "right.jpg, back.jpg, left.jpg, up.jpg, down.jpg) or as a list of six (scenes.photo in "
        "docs/hall-yaml.md); or export the full 360° × 180° equirectangular panorama from the camera app or "
        "stitcher"
    )
