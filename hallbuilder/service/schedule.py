"""A daemon thread that runs one job now and then in each worker, e.g. deleting yesterday's seed after midnight.

A failed run (database briefly down) is logged and tried again at the next run; it never stops the worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

log = logging.getLogger("hallbuilder.service")


def seconds_to_next_run(interval: float, now: datetime | None = None) -> float:
    """`interval`, or less so that a run falls just after the next UTC midnight."""
    now = now or datetime.now(UTC)
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(0.0, min(interval, (midnight - now).total_seconds() + 5))


class Every:
    def __init__(self, job: Callable[[], None], interval: float, name: str = "hallbuilder-housekeeping"):
        self.job = job
        self.interval = interval
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stopped.is_set():
            try:
                self.job()
            except Exception as error:  # keep running: the next run tries again
                log.warning("housekeeping failed, trying again later: %s", error)
            self.stopped.wait(seconds_to_next_run(self.interval))

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=10)
