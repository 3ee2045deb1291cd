"""`hallbuilder check PATH`: validate hall.yaml and the showcases, read every photo and media file, without building."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from hallbuilder.commands.logs import setup_logging

if TYPE_CHECKING:
    from hallbuilder.config import Hall


def share_warnings(hall: Hall) -> list[str]:
    """What would make shared links look broken: without `hall.url` a share has no picture and no address."""
    if hall.url:
        return []
    return [
        f"{hall.where.file}:{hall.where.line}: hall.url is not set: links shared on WeChat and other apps show no "
        "picture and no address (og:image and og:url need it). Add the address the hall is published at "
        "under hall:, e.g. `url: https://example.org/my-hall/`."
    ]


@click.command()
@click.argument("project", type=click.Path(path_type=Path), default=".")
@click.option(
    "--ready",
    is_flag=True,
    help="Also list what a visitor would miss (missing translations, unreachable scenes, ...), as warnings.",
)
def check(project: Path, ready: bool) -> None:
    """Check the hall in PROJECT: every key of hall.yaml and every photo."""
    setup_logging()
    from hallbuilder.builder import check_inputs
    from hallbuilder.builder.cache import CACHE_NAME
    from hallbuilder.config import load_project

    hall = load_project(project)  # hall.yaml and every showcase.yaml, all problems at once
    inputs = check_inputs(hall, hall.project_dir / CACHE_NAME, full=True)  # photos and media, as the build
    for warning in [] if ready else share_warnings(hall):  # --ready lists it with the rest
        click.secho(warning, fg="yellow")
    hotspots = sum(len(scene.hotspots) for scene in hall.scenes)
    media = len({item.path for item in inputs.media})
    click.secho(
        f"{hall.where.file} is valid: {len(hall.scenes)} scene(s), {hotspots} hotspot(s); "
        f"{len(inputs.widths)} photo(s) read in full"
        + (f"; {media} media file(s) read" if media else "")
        + (f"; {len(hall.showcases)} showcase(s)" if hall.showcases else ""),
        fg="green",
    )
    if ready:
        show_readiness(hall.project_dir)


def show_readiness(project_dir: Path) -> None:
    """The "done means shipped" list, after the check: warnings, so the exit code stays 0."""
    from hallbuilder.config.readiness import readiness

    items = readiness(project_dir)
    for item in items:
        click.secho(item.text(), fg="yellow")
    if items:
        click.secho(
            f"Not ready to ship: {len(items)} thing(s) a visitor would miss (warnings above).", fg="yellow"
        )
    else:
        click.secho("Ready to ship: nothing a visitor would miss.", fg="green")
