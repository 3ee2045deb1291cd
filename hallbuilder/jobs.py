"""Long work (a build, a publish) run in the background with progress, for callers that are not the CLI.

A job runs one function in a thread and keeps what it reported: named steps, progress (done of total), and at
the end the same one-line summary the CLI prints, or the problems of a HallError (never a traceback). The
studio starts a job and polls `snapshot()` (or passes `on_event` to push each event as it comes).

job = Job("build", lambda report: build_with_progress(project, report=report).line()).start()
job.wait(); job.snapshot()  # {"name": "build", "state": "done", "summary": "Built 2 scene(s) ...", ...}
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from hallbuilder.errors import HallError

log = logging.getLogger("hallbuilder.jobs")


@dataclass(frozen=True)
class JobEvent:
    """kind: "step" (a named step began), "progress" (done of total), "done" or "failed"."""

    kind: str
    message: str
    done: int | None = None
    total: int | None = None
    at: float = 0.0


class Report(Protocol):
    def __call__(
        self, kind: str, message: str, done: int | None = None, total: int | None = None
    ) -> None: ...


class Job:
    """One background run of `work(report) -> summary line`; its state, events and outcome, thread-safe."""

    def __init__(
        self,
        name: str,
        work: Callable[[Report], str],
        on_event: Callable[[JobEvent], None] | None = None,
    ) -> None:
        self.name, self.work, self.on_event = name, work, on_event
        self.state = "queued"  # queued -> running -> done | failed
        self.summary = ""
        self.problems: list[str] = []
        self.events: list[JobEvent] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=f"hallbuilder-{name}", daemon=True)

    def report(self, kind: str, message: str, done: int | None = None, total: int | None = None) -> None:
        event = JobEvent(kind, message, done, total, time.time())
        with self._lock:
            self.events.append(event)
        if self.on_event is not None:
            self.on_event(event)

    def start(self) -> Job:
        self.state = "running"
        self._thread.start()
        return self

    def wait(self, timeout: float | None = None) -> bool:
        """True when the job has ended (done or failed) within `timeout` seconds."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            summary = self.work(self.report)
        except HallError as error:
            self.problems = error.lines()
            self.state = "failed"
            self.report("failed", error.message)
        except Exception as error:  # a bug: one line for staff, the traceback in the log
            log.exception("the %s job failed", self.name)
            self.problems = [
                f"Unexpected error: {type(error).__name__}: {error}. This is a bug in hallbuilder."
            ]
            self.state = "failed"
            self.report("failed", self.problems[0])
        else:
            self.summary = summary
            self.state = "done"
            self.report("done", summary)

    def progress(self) -> JobEvent | None:
        """The latest progress event, if any."""
        with self._lock:
            return next((event for event in reversed(self.events) if event.kind == "progress"), None)

    def snapshot(self) -> dict[str, Any]:
        """Everything a page needs to show the job, as JSON-ready data."""
        latest = self.progress()
        with self._lock:
            steps = [event.message for event in self.events if event.kind == "step"]
        return {
            "name": self.name,
            "state": self.state,
            "steps": steps,
            "progress": asdict(latest) if latest else None,
            "summary": self.summary,
            "problems": list(self.problems),
        }
