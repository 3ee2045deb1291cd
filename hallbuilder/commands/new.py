"""`hallbuilder new PATH`: scaffold a hall project that builds at once (with rendered placeholder photos)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from hallbuilder.errors import ConfigError

FOLDERS = ("photos", "audio", "media", "showcases")
PLACEHOLDERS = {"photos/lobby.jpg": 0, "photos/gallery.jpg": 1}


def create_project(target: Path) -> list[Path]:
    """Write hall.yaml, the folders and placeholder photos; never overwrite an existing project."""
    config = target / "hall.yaml"
    if config.exists():
        raise ConfigError(f"{config}: a hall project already exists here; nothing was changed")
    from hallbuilder.samples import write_room

    created = []
    for folder in FOLDERS:
        (target / folder).mkdir(parents=True, exist_ok=True)
        created.append(target / folder)
    config.write_text(
        resources.files("hallbuilder.templates").joinpath("hall.yaml").read_text("utf-8"), "utf-8"
    )
    created.append(config)
    for relative, variant in PLACEHOLDERS.items():
        if not (target / relative).exists():
            created.append(write_room(target / relative, 2048, variant))
    return created


@click.command()
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
def new(path: Path) -> None:
    """Create a new hall project in PATH."""
    create_project(path)
    click.echo(f"Created a hall project in {path}")
    click.echo("  hall.yaml          describe your hall here (every key has a comment)")
    click.echo("  photos/            your 360° photos (the two there are placeholders: replace them)")
    click.echo("  audio/ media/      narration, pictures, videos, floor plan")
    click.echo("  showcases/         branch showcases (hallbuilder showcase new BRANCH)")
    click.echo(f"Next: hallbuilder build {path}")
