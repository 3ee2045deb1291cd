"""Panorama photos in, Photo Sphere Viewer cube tiles out: checks, plan, tiler and previews.

See plan.py for the level rule, geometry.py for the cube convention and why it is hand-written,
tiler.py for how it stays fast and small, photo.py for what is accepted, faces.py and cube.py for six cube
faces given instead of an equirectangular photo.
"""

from __future__ import annotations

from hallbuilder.imaging.cube import check_cube, inspect_cube
from hallbuilder.imaging.faces import CubeFaces, find_faces, photo_or_faces
from hallbuilder.imaging.photo import (
    MAX_PIXELS,
    MIN_WIDTH,
    PhotoInfo,
    check_photo,
    inspect_photo,
    open_panorama,
)
from hallbuilder.imaging.plan import FACES, Level, TileSettings, panorama_hash, plan_levels
from hallbuilder.imaging.previews import render_preview
from hallbuilder.imaging.tiler import TILE_TEMPLATE, TiledPanorama, tile_cube, tile_panorama, tile_path
from hallbuilder.imaging.validate import validate_tiles

__all__ = [
    "FACES",
    "MAX_PIXELS",
    "MIN_WIDTH",
    "TILE_TEMPLATE",
    "CubeFaces",
    "Level",
    "PhotoInfo",
    "TileSettings",
    "TiledPanorama",
    "check_cube",
    "check_photo",
    "find_faces",
    "inspect_cube",
    "inspect_photo",
    "open_panorama",
    "panorama_hash",
    "photo_or_faces",
    "plan_levels",
    "render_preview",
    "tile_cube",
    "tile_panorama",
    "tile_path",
    "validate_tiles",
]
