"""The publish itself: compare, upload in a safe order, record, then prune.

Order is what keeps visitors safe: every content-hashed file first (in parallel), then `tour.json`, then
`index.html`, so the old tour keeps working until the new entry points replace it. A publish that stops
half-way leaves the old entry points in place; the next run skips what already arrived and finishes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from hallbuilder.publish import rules
from hallbuilder.publish.plan import Item, collect
from hallbuilder.publish.targets import Target

OWNED = ("scenes/", "media/", "viewer/", *rules.ENTRY_POINTS)  # what --prune may delete even if unrecorded


@dataclass
class Summary:
    uploaded: int = 0
    unchanged: int = 0
    removed: int = 0
    bytes: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self) | {"seconds": round(self.seconds, 3)}


Record = dict[str, list[str]]  # key -> [Item.fingerprint, ETag the store reported], from the last publish


@dataclass
class Changes:
    """What a publish does: uploads (with why), what stays, and what the new version no longer uses."""

    upload: list[tuple[Item, str]] = field(default_factory=list)
    unchanged: list[Item] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    record: Record = field(default_factory=dict)  # the record after this publish, uploads filled in by apply
    previous: Record = field(default_factory=dict)

    @property
    def upload_bytes(self) -> int:
        """Bytes the uploads store: what the dry run announces and the progress bar counts down."""
        return sum(item.size for item, _ in self.upload)


def is_unchanged(item: Item, stored: str, entry: list[str] | None) -> bool:
    """Our record (bytes and headers) when we published the object and nobody replaced it since; otherwise
    the store's ETag, which is the MD5 we computed on AWS, MinIO and most stores."""
    if entry:
        fingerprint, etag = entry
        return fingerprint == item.fingerprint and stored in (etag, item.etag)
    return stored == item.etag


def compare(items: list[Item], listing: dict[str, str], record: Record) -> Changes:
    """Sort every item into new, changed or unchanged; list what the target holds that nothing uses."""
    changes = Changes(previous=record)
    for item in items:
        stored = listing.get(item.key)
        if stored is None:
            changes.upload.append((item, "new"))
        elif not is_unchanged(item, stored, record.get(item.key)):
            changes.upload.append((item, "changed"))
        else:
            changes.unchanged.append(item)
            changes.record[item.key] = record.get(item.key) or [item.fingerprint, stored]
    changes.upload.sort(key=lambda pair: (rules.phase(pair[0].key), pair[0].key))  # the order they go in
    used = {item.key for item in items}
    changes.stale = sorted(
        key for key in listing if key not in used and (key in record or key.startswith(OWNED))
    )
    return changes


def upload_all(target: Target, items: list[Item], workers: int, done: Callable[[Item, str], None]) -> None:
    """Upload in parallel; on the first failure cancel what has not started and re-raise it."""
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(target.put, item): item for item in items}
        try:
            for future in as_completed(futures):
                done(futures[future], future.result())
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def plan(dist: Path, target: Target, workers: int = 16) -> Changes:
    """Compare the build with the target without changing anything (what --dry-run shows)."""
    target.check_source(dist)
    target.connect()
    items = collect(dist, compress=target.compress, workers=min(workers, 8))
    return compare(items, target.listing(), target.read_record())


def apply(
    target: Target,
    changes: Changes,
    *,
    prune: bool = False,
    workers: int = 16,
    done: Callable[[Item], None] = lambda item: None,
) -> Summary:
    """Upload phase by phase, record the headers, then delete stale objects if asked."""
    started = time.perf_counter()
    summary = Summary(unchanged=len(changes.unchanged))
    for phase in (0, 1, 2):
        batch = [item for item, _ in changes.upload if rules.phase(item.key) == phase]

        def finished(item: Item, etag: str) -> None:
            summary.uploaded += 1
            summary.bytes += item.size
            changes.record[item.key] = [item.fingerprint, etag]
            done(item)

        upload_all(target, batch, workers if phase == 0 else 1, finished)
    record = dict(changes.record)
    if not prune:  # remember stale objects so a later --prune can still find them
        record |= {key: changes.previous[key] for key in changes.stale if key in changes.previous}
    if record != changes.previous:
        target.write_record(record)
    if prune and changes.stale:
        target.delete(changes.stale)
        summary.removed = len(changes.stale)
    summary.seconds = time.perf_counter() - started
    return summary
