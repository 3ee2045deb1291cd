"""The nadir logo in hall.yaml: the scenes it names and the logo file, read defensively like checks.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hallbuilder.config.limits import group, listed
from hallbuilder.config.problems import Problem, did_you_mean


def check_nadir_scenes(document: dict) -> Iterator[Problem]:
    nadir = group(group(document.get("hall")).get("nadir"))
    chosen = listed(nadir.get("scenes"))
    scenes = listed(document.get("scenes"))
    ids = [scene["id"] for scene in scenes if isinstance(scene, dict) and isinstance(scene.get("id"), str)]
    for index, scene_id in enumerate(chosen):
        if isinstance(scene_id, str) and scene_id not in ids:
            yield Problem(
                ("hall", "nadir", "scenes", index), f"no scene '{scene_id}'{did_you_mean(scene_id, ids)}"
            )


def check_nadir_logo(document: dict, project_dir: Path) -> Iterator[Problem]:
    """The logo opens as an image (that it exists and its type are checked with every other file)."""
    from PIL import Image

    logo = group(group(document.get("hall")).get("nadir")).get("logo")
    if not isinstance(logo, str) or ".." in logo or not (project_dir / logo).is_file():
        return
    try:
        with Image.open(project_dir / logo) as picture:
            picture.size  # noqa: B018 - reading the header is the check
    except (OSError, ValueError, Image.DecompressionBombError):
        yield Problem(("hall", "nadir", "logo"), f"'{logo}' is not a readable image; export it again as PNG")
