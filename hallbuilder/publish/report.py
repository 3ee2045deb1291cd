"""What a publish says, for people and for programs: the list of changes (as data and as lines) and the
one-line summary. The CLI prints these; the studio shows the same words."""

from __future__ import annotations

from typing import Any

from hallbuilder.publish.options import printable
from hallbuilder.publish.progress import human_bytes
from hallbuilder.publish.sync import Changes, Summary
from hallbuilder.publish.targets import Target


def change_list(changes: Changes, prune: bool) -> list[dict[str, Any]]:
    """One dict per object that would change: action (upload/delete), why (new/changed), key, size."""
    listed: list[dict[str, Any]] = [
        {"action": "upload", "why": why, "key": item.key, "size": item.size} for item, why in changes.upload
    ]
    if prune:
        listed += [{"action": "delete", "why": "", "key": key, "size": None} for key in changes.stale]
    return listed


def dry_run_lines(changes: Changes, prune: bool) -> list[str]:
    """One line per object that would change."""
    return [
        f"{change['action']:<7} {change['why']:<7} "
        f"{human_bytes(change['size']) if change['size'] is not None else '':>9}  {printable(change['key'])}"
        for change in change_list(changes, prune)
    ]


def dry_run_summary(changes: Changes, prune: bool, seconds: float) -> Summary:
    return Summary(
        uploaded=len(changes.upload),
        unchanged=len(changes.unchanged),
        removed=len(changes.stale) if prune else 0,
        bytes=changes.upload_bytes,
        seconds=seconds,
    )


def summary_line(target: Target, summary: Summary, dry_run: bool) -> str:
    if dry_run:
        return (
            f"Dry run for {target.name}: {summary.uploaded} to upload ({human_bytes(summary.bytes)}), "
            f"{summary.unchanged} unchanged, {summary.removed} to remove. Nothing was changed."
        )
    return (
        f"Published to {target.name}: {summary.uploaded} uploaded, {summary.unchanged} unchanged, "
        f"{summary.removed} removed, {human_bytes(summary.bytes)} in {summary.seconds:.1f} s."
    )
