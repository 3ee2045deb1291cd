"""`hallbuilder clean PROJECT`: empty the project's build cache (tiles and converted media), nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from hallbuilder.builder.cache import CACHE_NAME
from hallbuilder.errors import HallError


def project_folder(project: Path) -> Path:
    """The folder of hall.yaml, given it or the folder; anything else is refused before a file is touched."""
    folder = project.parent if project.name == "hall.yaml" else project
    if not (folder / "hall.yaml").is_file():
        raise HallError(
            f"{project}: no hall.yaml here, so nothing was removed. "
            "Give the folder of the hall, e.g. `hallbuilder clean my-hall`."
        )
    return folder


def empty_cache(folder: Path) -> tuple[int, int]:
    """Remove `folder`'s cache folder; (files, bytes) it held."""
    cache = folder / CACHE_NAME
    if not cache.exists():
        return 0, 0
    files = [path for path in cache.rglob("*") if path.is_file() and not path.is_symlink()]
    size = sum(path.stat().st_size for path in files)
    shutil.rmtree(cache)  # rmtree removes links inside without following them
    return len(files), size


@click.command()
@click.argument("project", type=click.Path(path_type=Path), default=".")
def clean(project: Path) -> None:
    """Empty the build cache of the hall in PROJECT; the next build tiles every photo again."""
    folder = project_folder(project)
    cache = folder / CACHE_NAME
    if cache.is_symlink():  # never follow it: what it points at is not this hall's cache
        target = cache.readlink()
        cache.unlink()
        click.echo(f"{cache} was a link to {target}: the link is removed, {target} is left as it was.")
        return
    files, size = empty_cache(folder)
    if not files:
        click.echo(f"The cache of {folder} is already empty ({folder / CACHE_NAME}).")
        return
    click.secho(
        f"Emptied the cache of {folder}: {files} file(s), {size / 1e6:.1f} MB removed from {folder / CACHE_NAME}. "
        "dist/ is untouched; the next build tiles every photo again.",
        fg="green",
    )
