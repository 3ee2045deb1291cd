"""`hallbuilder check PATH`: validate hall.yaml and decode every photo, without building."""

from __future__ import annotations

from pathlib import Path

import click

from hallbuilder.commands.logs import setup_logging


@click.command()
@click.argument("project", type=click.Path(path_type=Path), default=".")
def check(project: Path) -> None:
    """Check the hall in PROJECT: every key of hall.yaml and every photo."""
    setup_logging()
    from hallbuilder.build import check_photos
    from hallbuilder.build.showcases import add_showcases
    from hallbuilder.config import load_project

    config, showcases = load_project(project)  # hall.yaml and every showcase.yaml, all problems at once
    add_showcases(config, showcases=showcases)
    widths = check_photos(config, full=True)
    hotspots = sum(len(scene["hotspots"]) for scene in config.scenes)
    click.secho(
        f"{config.source.name} is valid: {len(config.scenes)} scene(s), {hotspots} hotspot(s); "
        f"{len(widths)} photo(s) read in full" + (f"; {len(showcases)} showcase(s)" if showcases else ""),
        fg="green",
    )
