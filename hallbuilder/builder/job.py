"""The build with progress for callers that are not the CLI: tiles done of total, and each named step.

The build's steps are its log lines (hallbuilder.builder, INFO): they are passed on as they are written, so the
studio shows the same words as `hallbuilder build`, and the summary is the CLI's line.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hallbuilder.builder.run import BuildSummary, Progress, build_hall
from hallbuilder.jobs import Job, JobEvent, Report

STEP_LOGGER = "hallbuilder.builder"


class CallbackProgress(Progress):
    """Tiling progress as calls to `report("progress", "Tiling", done, total)` (none when nothing is tiled)."""

    def __init__(self, report: Report) -> None:
        self.report, self.done, self.total = report, 0, 0

    def start(self, total_tiles: int) -> None:
        self.done, self.total = 0, total_tiles
        if total_tiles:
            self.report("progress", "Tiling", 0, total_tiles)

    def advance(self, tiles: int) -> None:
        self.done += tiles
        self.report("progress", "Tiling", self.done, self.total)

    def finish(self) -> None:
        """Nothing to close: the last advance already said done == total."""


class StepHandler(logging.Handler):
    """Each INFO line the build logs in this thread becomes a step."""

    def __init__(self, report: Report) -> None:
        super().__init__(logging.INFO)
        self.report, self.thread = report, threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and record.levelno == logging.INFO:
            self.report("step", record.getMessage())


@contextmanager
def steps_reported(report: Report) -> Iterator[None]:
    logger = logging.getLogger(STEP_LOGGER)
    handler, level = StepHandler(report), logger.level
    logger.addHandler(handler)
    if not logger.isEnabledFor(logging.INFO):
        logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def build_with_progress(project: Path, dist: Path | None = None, *, report: Report) -> BuildSummary:
    """build_hall with every step and the tiling progress reported."""
    with steps_reported(report):
        return build_hall(Path(project), dist, progress=CallbackProgress(report))


def build_job(
    project: Path, dist: Path | None = None, on_event: Callable[[JobEvent], None] | None = None
) -> Job:
    """A job (not started yet) that builds `project`; its summary is `hallbuilder build`'s line."""
    return Job("build", lambda report: build_with_progress(project, dist, report=report).line(), on_event)
