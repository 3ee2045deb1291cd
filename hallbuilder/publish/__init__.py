"""Publishing a built tour (`dist/`) to a folder or S3-compatible storage: headers, order, incremental sync.

from hallbuilder.publish import publish
summary = publish(Path("dist"), "s3://bucket/hall/", endpoint_url=None, prune=True)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from hallbuilder.publish.plan import Item
from hallbuilder.publish.sync import Changes, Summary, apply, plan
from hallbuilder.publish.targets import Target, parse_target


def publish(
    dist: Path,
    to: str | Target,
    *,
    endpoint_url: str | None = None,
    prune: bool = False,
    workers: int = 16,
    done: Callable[[Item], None] = lambda item: None,
) -> Summary:
    """Publish `dist` to `to` (a folder, `s3://bucket/prefix/`, or a Target); return the summary."""
    started = time.perf_counter()
    target = parse_target(to, endpoint_url, workers) if isinstance(to, str) else to
    summary = apply(target, plan(dist, target, workers), prune=prune, workers=workers, done=done)
    summary.seconds = time.perf_counter() - started
    return summary


__all__ = ["Changes", "Summary", "Target", "apply", "parse_target", "plan", "publish"]
