"""Floor-plan points lie on the plan: each x and y within the image's size, read from the image itself.

A point outside the plan would put the scene's marker off the map (or nowhere) in the viewer; staff get the
image's size in the message so they can see which way the number is off.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError

from hallbuilder.config.problems import Problem

# EXIF orientations that turn the picture a quarter, so the upright width is the stored height
_QUARTER_TURNS = {5, 6, 7, 8}


def upright_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of the image as shown (EXIF orientation applied); None when it cannot be read."""
    try:
        with Image.open(path) as picture:
            width, height = picture.size
            if picture.getexif().get(0x0112) in _QUARTER_TURNS:
                width, height = height, width
    except (OSError, UnidentifiedImageError, ValueError):
        return None  # the image itself is reported by the file and media checks
    return width, height


def check_floorplan_points(document: dict, project_dir: Path) -> Iterator[Problem]:
    plan = document.get("floorplan")
    if not isinstance(plan, dict) or not isinstance(plan.get("image"), str):
        return
    points = plan.get("points")
    relative = PurePosixPath(plan["image"].replace("\\", "/"))
    if not isinstance(points, dict) or relative.is_absolute() or ".." in relative.parts:
        return
    size = upright_size(project_dir / relative)
    if size is None:
        return
    width, height = size
    for scene_id, point in points.items():
        if not isinstance(point, dict):
            continue
        for axis, limit in (("x", width), ("y", height)):
            value = point.get(axis)
            if isinstance(value, int | float) and not isinstance(value, bool) and not 0 <= value <= limit:
                yield Problem(
                    ("floorplan", "points", scene_id, axis),
                    f"{value:g} is outside the plan image {relative} ({width} × {height} pixels); "
                    f"expected {axis} from 0 to {limit}",
                )
