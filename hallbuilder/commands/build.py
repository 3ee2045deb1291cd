"""`hallbuilder build PATH [-o DIST]`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hallbuilder.commands.logs import setup_logging

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

# Nothing in the build uses BLAS: OpenBLAS's threads would only spin up during numpy's import and take a
# core from the start-up (set before numpy is first imported, which happens in the builder's import).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from hallbuilder.builder.run import Progress  # imports numpy: after the line above


class BarProgress(Progress):
    """A click progress bar over the tiles still to make (shown only when there are any)."""

    def __init__(self) -> None:
        self.bar: ProgressBar[int] | None = None

    def start(self, total_tiles: int) -> None:
        if total_tiles:
            self.bar = click.progressbar(length=total_tiles, label="Tiling", file=sys.stderr)
            self.bar.__enter__()

    def advance(self, tiles: int) -> None:
        if self.bar is not None:
            self.bar.update(tiles)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.command()
@click.argument("project", type=click.Path(path_type=Path), default=".")
@click.option(
    "-o", "--output", "dist", type=click.Path(path_type=Path), help="Output folder (default: PROJECT/dist)."
)
@click.option(
    "--pull-showcases",
    metavar="URL",
    help="Also bring in the branch achievements approved on the hall service at URL (its /api address).",
)
@click.option("-q", "--quiet", is_flag=True, help="Only warnings, errors and the summary.")
@click.option("-v", "--verbose", is_flag=True, help="More detail.")
def build(project: Path, dist: Path | None, pull_showcases: str | None, quiet: bool, verbose: bool) -> None:
    """Build the hall in PROJECT (a folder with hall.yaml) into a static tour."""
    setup_logging(verbose, quiet)
    from hallbuilder.builder import build_hall
    from hallbuilder.imaging.memory import keep_freed_memory

    keep_freed_memory()

    summary = build_hall(
        project,
        dist,
        progress=None if quiet else BarProgress(),
        pull_showcases=pull_showcases,
    )
    click.secho(summary.line(), fg="green")
