"""`hallbuilder build`: one readable function of named, logged steps.

hall.yaml → config → photos checked → scenes tiled (cached, checked) → media → tour.json → viewer page → swap
into dist → old versions out of the cache.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from hallbuilder.builder.cache import CACHE_NAME, reusable
from hallbuilder.builder.inputs import Inputs, check_media, locate_media_error, photo_problem
from hallbuilder.builder.manifest import make_manifest, scene_folder
from hallbuilder.builder.media import MediaStore
from hallbuilder.builder.panoramas import (
    ScenePanorama,
    photo_source,
    photo_width,
    prepare_panorama,
    tiles_to_make,
)
from hallbuilder.builder.prune import NOTHING_PRUNED, Pruned, prune_panoramas
from hallbuilder.builder.showcases import add_showcases, collect_showcases
from hallbuilder.builder.staging import guard, link_file, link_tree, staged
from hallbuilder.config import HallConfig, load_project
from hallbuilder.errors import MediaError, PhotoError
from hallbuilder.imaging import TileSettings, panorama_hash
from hallbuilder.site.page import inline_path

log = logging.getLogger("hallbuilder.builder")


@dataclass
class BuildSummary:
    dist: Path
    scenes: int
    tiled: int
    reused: int
    tiles: int
    bytes: int
    seconds: float
    pruned: Pruned = NOTHING_PRUNED

    def line(self) -> str:
        megabytes = self.bytes / 1e6
        cache = ""
        if self.pruned.entries:
            cache = f"; {self.pruned.entries} old photo version(s) taken out of the cache ({self.pruned.bytes / 1e6:.1f} MB)"
        return (
            f"Built {self.scenes} scene(s) ({self.tiled} tiled, {self.reused} unchanged), {self.tiles} tiles, "
            f"{megabytes:.1f} MB in {self.seconds:.1f} s → {self.dist}{cache}"
        )


class Progress:
    """What the build reports while tiling; the CLI plugs a progress bar in, tests and libraries need nothing."""

    def start(self, total_tiles: int) -> None: ...

    def advance(self, tiles: int) -> None: ...

    def finish(self) -> None: ...


def tile_settings(config: HallConfig) -> TileSettings:
    settings = config.data["build"]
    return TileSettings(tile_size=settings["tile_size"], quality=settings["quality"])


def check_photos(config: HallConfig, full: bool = False) -> dict[str, int]:
    """Open every photo (decode fully with `full`); collect every problem; return each scene's photo width."""
    problems, widths = [], {}
    for scene in config.scenes:
        try:
            widths[scene["id"]] = photo_width(photo_source(config.project_dir, scene["photo"]), full)
        except PhotoError as error:
            problems += photo_lines(config, scene, error)
    if problems:
        raise PhotoError(f"{len(problems)} photo(s) cannot be used", problems=problems)
    return widths


def photo_lines(config: HallConfig, scene: dict, error: PhotoError) -> list[str]:
    """A photo's (or its cube faces') problems on the line of hall.yaml (or showcase.yaml) that names the
    photo, with its key; files named as staff wrote them."""
    prefix = f"{config.project_dir}{os.sep}"
    return [photo_problem(config, scene, line.replace(prefix, "")) for line in error.lines()]


def check_inputs(config: HallConfig, cache_dir: Path, full: bool = False) -> Inputs:
    """Every photo (decoded in full with `full`) and every media file, before tiling; all problems at once."""
    try:
        widths, photo_lines = check_photos(config, full), []
    except PhotoError as error:
        widths, photo_lines = {}, error.lines()
    return check_media(config, cache_dir / "media", widths, photo_lines)


def tile_scenes(
    config: HallConfig,
    settings: TileSettings,
    cache_dir: Path,
    widths: dict[str, int],
    progress: Progress,
) -> dict[str, tuple[Path, ScenePanorama]]:
    photos = {scene["id"]: photo_source(config.project_dir, scene["photo"]) for scene in config.scenes}
    digests = {scene_id: panorama_hash(photo, settings) for scene_id, photo in photos.items()}
    pending = {scene_id for scene_id, digest in digests.items() if not reusable(cache_dir, digest)}
    progress.start(sum(tiles_to_make(widths[scene_id], settings) for scene_id in pending))
    results = {}
    for scene in config.scenes:
        photo = photos[scene["id"]]
        if scene["id"] in pending:
            log.info("Tiling scene '%s' (%s, %d px wide)", scene["id"], scene["photo"], widths[scene["id"]])
        try:
            results[scene["id"]] = prepare_panorama(
                photo, scene["view"], settings, cache_dir, progress.advance, digests[scene["id"]]
            )
        except PhotoError as error:  # damage only a full decode finds (`hallbuilder check` finds it first)
            progress.finish()
            raise PhotoError(error.message, problems=photo_lines(config, scene, error)) from None
    progress.finish()
    return results


def place_panoramas(work: Path, panoramas: dict[str, tuple[Path, ScenePanorama]]) -> None:
    """Hard-link each scene's cached tiles, base, thumb and current preview into the build."""
    for scene_id, (entry, panorama) in panoramas.items():
        folder = work / scene_folder(scene_id, panorama)
        link_tree(entry / "tiles", folder / "tiles")
        preview = entry / panorama.preview["src"]
        sources = [entry / "base.jpg", entry / "thumb.jpg", preview]
        if inline_path(preview).is_file():  # index.html's small copy; caches of older versions lack it
            sources.append(inline_path(preview))
        for source in sources:
            link_file(source, folder / source.name)


def write_viewer(work: Path, tour: dict) -> None:
    try:
        from hallbuilder.site import write_site
    except ImportError:
        log.warning("The viewer is not installed yet: dist/ has tour.json and tiles but no index.html")
        return
    write_site(work, tour)


def folder_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def build_hall(
    project: Path,
    dist: Path | None = None,
    progress: Progress | None = None,
    pull_showcases: str | None = None,
    prune: bool = True,
) -> BuildSummary:
    """Build `project` into `dist`. `prune=False` leaves the cache as it is (the studio's previews, built while
    other photos are still being tiled into the cache, must not touch their unfinished entries)."""
    started = time.perf_counter()
    progress = progress or Progress()
    log.info("Reading %s", Path(project) / "hall.yaml" if Path(project).is_dir() else project)
    config, showcases = load_project(Path(project))  # hall.yaml and every showcase.yaml, checked together
    add_showcases(config, pull_showcases, showcases)  # branch scenes join the hall's
    dist = Path(dist) if dist else config.project_dir / "dist"
    guard(dist, config.project_dir)
    cache_dir = config.project_dir / CACHE_NAME

    log.info("Checking %d photo(s) and the media", len(config.scenes))
    inputs = check_inputs(config, cache_dir)
    widths = inputs.widths

    settings = tile_settings(config)
    panoramas = tile_scenes(config, settings, cache_dir, widths, progress)

    with staged(dist) as work:
        log.info("Placing tiles")
        place_panoramas(work, panoramas)

        log.info("Preparing media")
        media = MediaStore(config.project_dir, work, cache_dir / "media", hashes=inputs.hashes)
        try:
            showcases = collect_showcases(config, media)
            log.info("Writing tour.json")
            tour = make_manifest(
                config, {key: value[1] for key, value in panoramas.items()}, media, showcases
            )
        except MediaError as error:  # a conversion failed that the checks could not foresee
            raise locate_media_error(error, inputs.media) from None
        (work / "tour.json").write_text(json.dumps(tour, ensure_ascii=False, indent=1), "utf-8")

        log.info("Writing the viewer page")
        write_viewer(work, tour)

    tiles = sum(panorama.tiles for _, panorama in panoramas.values())
    _, size = folder_size(dist)
    reused = sum(1 for _, panorama in panoramas.values() if panorama.reused)
    pruned = NOTHING_PRUNED
    if prune:
        log.info("Pruning the cache")
        pruned = prune_panoramas(
            cache_dir, {scene_id: panorama.hash for scene_id, (_, panorama) in panoramas.items()}
        )
    seconds = time.perf_counter() - started
    return BuildSummary(dist, len(panoramas), len(panoramas) - reused, reused, tiles, size, seconds, pruned)
