"""`hallbuilder check PATH`: validate hall.yaml and decode every photo, without building."""

from __future__ import annotations

from pathlib import Path

import click

from hallbuilder.commands.logs import setup_logging


def share_warnings(config) -> list[str]:
    """What would make shared links look broken: without `hall.url` a share has no picture and no address."""
    if config.data["hall"].get("url"):
        return []
    line = config.source.line_of(("hall",))
    return [
        f"{config.source.name}:{line}: hall.url is not set: links shared on WeChat and other apps show no "
        "picture and no address (og:image and og:url need it). Add the address the hall is published at "
        "under hall:, e.g. `url: https://example.org/my-hall/`."
    ]


@click.command()
@click.argument("project", type=click.Path(path_type=Path), default=".")
def check(project: Path) -> None:
    """Check the hall in PROJECT: every key of hall.yaml and every photo."""
    setup_logging()
    from hallbuilder.build import check_photos
    from hallbuilder.build.showcases import add_showcases
    from hallbuilder.config import load_hall

    config = load_hall(project)
    showcases = add_showcases(config)  # showcases/<branch>/showcase.yaml, with the same precise errors
    widths = check_photos(config, full=True)
    for warning in share_warnings(config):
        click.secho(warning, fg="yellow")
    hotspots = sum(len(scene["hotspots"]) for scene in config.scenes)
    click.secho(
        f"{config.source.name} is valid: {len(config.scenes)} scene(s), {hotspots} hotspot(s); "
        f"{len(widths)} photo(s) read in full" + (f"; {len(showcases)} showcase(s)" if showcases else ""),
        fg="green",
    )
