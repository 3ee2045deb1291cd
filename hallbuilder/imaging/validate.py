"""Check a written tile pyramid against its plan (rio-cogeo's plan → write → validate).

Returns problems instead of raising, so the build can report them all at once; reading only JPEG
headers and end markers keeps it fast enough to run after every scene.
"""

from __future__ import annotations

from pathlib import Path

import simplejpeg

from hallbuilder.imaging.plan import DEFAULT_SETTINGS, FACES, Level, TileSettings
from hallbuilder.imaging.tiler import tile_path

END_OF_IMAGE = b"\xff\xd9"  # every whole JPEG ends with it; a truncated one (a half-written file) does not
HEAVY_TILE = 400_000  # bytes; a tile this big is slow on a weak phone network


def validate_tiles(
    out_dir: Path, levels: list[Level], settings: TileSettings = DEFAULT_SETTINGS
) -> tuple[list[str], list[str]]:
    """(errors, warnings) for out_dir: every planned tile exists at the right size, nothing else is there."""
    out_dir = Path(out_dir)
    errors: list[str] = []
    warnings: list[str] = []
    expected = set()
    for index, level in enumerate(levels):
        for face in FACES:
            for row in range(level.nb_tiles):
                for col in range(level.nb_tiles):
                    path = tile_path(out_dir, index, face, row, col)
                    expected.add(path)
                    _check_jpeg(path, (level.tile_size, level.tile_size), errors, warnings)
    extra = sorted(set((out_dir / "tiles").rglob("*.jpg")) - expected)
    errors += [f"{path}: not part of the plan" for path in extra]
    base = settings.base_face_size
    _check_jpeg(out_dir / "base.jpg", (4 * base, 3 * base), errors, warnings)
    _check_jpeg(out_dir / "thumb.jpg", (settings.thumb_width, settings.thumb_width // 2), errors, warnings)
    return errors, warnings


def _check_jpeg(path: Path, size: tuple[int, int], errors: list[str], warnings: list[str]) -> None:
    try:
        data = path.read_bytes()
        height, width, _, _ = simplejpeg.decode_jpeg_header(data)
    except FileNotFoundError:
        errors.append(f"{path}: missing")
        return
    except (OSError, ValueError):
        errors.append(f"{path}: not a readable JPEG")
        return
    if not data.endswith(END_OF_IMAGE):
        errors.append(f"{path}: cut short (no end-of-image marker)")
    if (width, height) != size:
        errors.append(f"{path}: {width}×{height} pixels, expected {size[0]}×{size[1]}")
    if len(data) > HEAVY_TILE:
        warnings.append(f"{path}: {len(data) // 1000} kB, heavy for phones; lower the tile quality")
