"""Publish with progress for callers that are not the CLI, and the dry run's list of changes as data.

The words are the CLI's (report.py): the studio shows the same dry-run list and the same summary line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hallbuilder.jobs import Job, JobEvent, Report
from hallbuilder.publish.options import printable
from hallbuilder.publish.plan import Item
from hallbuilder.publish.report import change_list, dry_run_summary, summary_line
from hallbuilder.publish.sync import Summary, apply, plan
from hallbuilder.publish.targets import parse_target


@dataclass
class DryRun:
    """What a publish would change: one dict per object (action, why, key, size), and the CLI's summary."""

    changes: list[dict[str, Any]]
    summary: Summary
    line: str


def dry_run(
    dist: Path, to: str, *, endpoint_url: str | None = None, prune: bool = False, workers: int = 16
) -> DryRun:
    """Compare `dist` with the target `to` (a folder or s3://bucket/prefix/); change nothing."""
    started = time.perf_counter()
    target = parse_target(to, endpoint_url, workers)
    changes = plan(Path(dist), target, workers)
    summary = dry_run_summary(changes, prune, time.perf_counter() - started)
    return DryRun(change_list(changes, prune), summary, summary_line(target, summary, dry_run=True))


def publish_with_progress(
    dist: Path,
    to: str,
    *,
    report: Report,
    endpoint_url: str | None = None,
    prune: bool = False,
    workers: int = 16,
) -> tuple[Summary, str]:
    """Publish, reporting each object uploaded (done of total); return the summary and its CLI line."""
    started = time.perf_counter()
    target = parse_target(to, endpoint_url, workers)
    report("step", f"Comparing {Path(dist)} with {target.name}")
    changes = plan(Path(dist), target, workers)
    total, count = len(changes.upload), 0
    report("step", f"Uploading {total} object(s)")
    report("progress", "Uploading", 0, total)

    def done(item: Item) -> None:
        nonlocal count
        count += 1
        report("progress", printable(item.key), count, total)

    summary = apply(target, changes, prune=prune, workers=workers, done=done)
    summary.seconds = time.perf_counter() - started
    return summary, summary_line(target, summary, dry_run=False)


def publish_job(
    dist: Path,
    to: str,
    *,
    endpoint_url: str | None = None,
    prune: bool = False,
    on_event: Callable[[JobEvent], None] | None = None,
) -> Job:
    """A job (not started yet) that publishes `dist` to `to`; its summary is `hallbuilder publish`'s line."""

    def work(report: Report) -> str:
        return publish_with_progress(dist, to, report=report, endpoint_url=endpoint_url, prune=prune)[1]

    return Job("publish", work, on_event)
