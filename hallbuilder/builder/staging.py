"""Atomic output: a build writes into a hidden sibling folder and swaps it in only when it succeeded.

A failed or interrupted build leaves the previous `dist` exactly as it was. A crash between the two renames of
the swap is repaired by the next build (`recover`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hallbuilder.errors import BuildError

MARKER = "tour.json"


def _siblings(dist: Path, kind: str) -> list[Path]:
    return sorted(dist.parent.glob(f".{dist.name}.{kind}-*"))


def recover(dist: Path) -> None:
    """Put back a previous build left aside by a swap that was cut short; drop abandoned staging folders."""
    old = _siblings(dist, "old")
    if not dist.exists() and old:
        old[-1].rename(dist)
        old = old[:-1]
    for leftover in old + _siblings(dist, "building"):
        shutil.rmtree(leftover, ignore_errors=True)


def guard(dist: Path, project_dir: Path) -> None:
    """Refuse to replace anything that is not a previous build: staff data must never be deleted."""
    resolved = dist.resolve()
    if resolved == project_dir.resolve() or resolved in project_dir.resolve().parents:
        raise BuildError(f"{dist}: the output folder cannot be the project folder or contain it; use -o dist")
    if dist.exists() and (not dist.is_dir() or (any(dist.iterdir()) and not (dist / MARKER).exists())):
        raise BuildError(
            f"{dist}: exists and is not a hallbuilder build (no {MARKER}); choose another output with -o, "
            "or move that folder away"
        )


@contextmanager
def staged(dist: Path) -> Iterator[Path]:
    """Yield an empty folder to build into; on success it becomes `dist`, on failure it is removed."""
    dist.parent.mkdir(parents=True, exist_ok=True)
    recover(dist)
    work = dist.parent / f".{dist.name}.building-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        yield work
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    old = dist.parent / f".{dist.name}.old-{os.getpid()}"
    if dist.exists():
        dist.rename(old)
    work.rename(dist)
    shutil.rmtree(old, ignore_errors=True)


def link_tree(source: Path, target: Path) -> None:
    """Hard-link a cached folder into the build (fast, no extra disk); copy where links are impossible."""

    shutil.copytree(source, target, copy_function=lambda src, dst: link_file(Path(src), Path(dst)))


def link_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
