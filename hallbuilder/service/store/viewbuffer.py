"""A per-process write-behind buffer for view rows: a worker answers a view at once and writes views in batches.

Why it exists: one INSERT per view costs the database more CPU than the rest of the request costs the app
(measured on PostgreSQL on two cores, where it competes with gunicorn for the same processors). One
multi-row transaction every 50 ms costs almost nothing per view. Views are statistics that the viewer sends
with `navigator.sendBeacon`, fire-and-forget: the browser neither reads the answer nor retries. That is why
a small crash window is acceptable here, and only here. Comments, likes and messages are written before they
are answered.

- Each process has its own rows, locks and flush thread, made on first use *in that process*: gunicorn may
  import the app before it forks (`--preload`), and a forked child starts empty. It never writes rows that
  its parent holds.
- A daemon thread writes the waiting rows as ONE transaction every `interval` seconds. It writes sooner
  when `size` rows are waiting. A failed write (the database is briefly down) keeps the rows, in order, logs
  a warning and tries again one interval later. All-or-nothing means no row is written twice. A row the
  database itself refuses (a constraint) is dropped with an error; the others are written. At most `limit`
  rows wait; beyond that new views are dropped and the log says how many.
- At interpreter exit (atexit), the rest is written. gunicorn's sync workers leave through `sys.exit()`
  on a graceful stop (SIGTERM) and on `--max-requests` restarts, and `hallbuilder serve` on Ctrl-C, so atexit
  runs in each. `kill -9` loses at most the last interval of that worker's views.
- `flush()` from a request thread waits for a write in progress, so a worker's statistics include every
  view it has answered. Other workers' views appear within one interval.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import weakref
from collections.abc import Callable
from datetime import date

log = logging.getLogger(__name__)

Row = tuple[str, str, str, date, str]  # (hall_id, kind, target, day, visitor hash)
Writer = Callable[[list[Row]], None]  # writes all rows in one transaction, or raises and writes none

_creating = threading.Lock()
_buffers: weakref.WeakSet[ViewBuffer] = weakref.WeakSet()


def _after_fork() -> None:
    """A lock held by another thread at fork time would stay locked forever in the child."""
    global _creating
    _creating = threading.Lock()


os.register_at_fork(after_in_child=_after_fork)


class _Process:
    """The buffer's state in the process that made it."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.rows: list[Row] = []
        self.lock = threading.Lock()  # guards rows, dropped and the events
        self.writing = threading.Lock()  # one write at a time, oldest rows first
        self.pending = threading.Event()  # set while rows wait
        self.full = threading.Event()  # enough rows wait: write now
        self.stop = threading.Event()
        self.writing_rows = 0  # taken out of `rows` by the write in progress
        self.dropped = 0
        self.failures = 0
        self.thread: threading.Thread | None = None


class ViewBuffer:
    """Rows added by request threads, written by `write` in batches (see the module docstring)."""

    def __init__(
        self,
        write: Writer,
        interval: float,
        size: int = 500,
        limit: int = 100_000,
        refusals: tuple[type[Exception], ...] = (),
    ) -> None:
        self.write = write
        self.refusals = refusals  # errors about the rows themselves (a constraint): retrying cannot help
        self.interval = interval
        self.size = size
        self.limit = limit
        self._state: _Process | None = None
        _buffers.add(self)

    def add(self, row: Row) -> None:
        state = self._here()
        with state.lock:
            if len(state.rows) >= self.limit:
                self._drop(state, 1)
                return
            state.rows.append(row)
            state.pending.set()
            if len(state.rows) >= self.size:
                state.full.set()

    def waiting(self) -> int:
        """How many rows of this process are not written yet (a write in progress included)."""
        state = self._mine()
        if state is None:
            return 0
        with state.lock:
            return len(state.rows) + state.writing_rows

    def flush(self) -> bool:
        """Write every waiting row of this process now; False (rows kept for the next try) if that failed."""
        state = self._mine()
        if state is None:
            return True
        with state.writing:
            with state.lock:
                rows, state.rows = state.rows, []
                state.writing_rows = len(rows)
                state.pending.clear()
            try:
                return self._write(state, rows) if rows else True
            finally:
                with state.lock:
                    state.writing_rows = 0

    def _write(self, state: _Process, rows: list[Row]) -> bool:
        try:
            self.write(rows)
        except self.refusals as error:
            return self._one_by_one(state, rows, error)
        except BaseException as error:
            self._keep(state, rows)
            if not isinstance(error, Exception):
                raise
            self._failed(state, error, len(rows))
            return False
        if state.failures:
            log.warning("views: written again after %d failed attempts", state.failures)
            state.failures = 0
        return True

    def _one_by_one(self, state: _Process, rows: list[Row], error: Exception) -> bool:
        """The database refuses a row itself (say its hall was deleted meanwhile): write each row on its own
        and drop only the refused ones, so one bad row cannot hold back the others forever. The failed batch
        wrote nothing, so no row is written twice."""
        refused = 0
        for index, row in enumerate(rows):
            try:
                self.write([row])
            except self.refusals:
                refused += 1
            except Exception as failure:  # the database went away meanwhile: keep the rest for the next try
                self._keep(state, rows[index:])
                self._failed(state, failure, len(rows) - index)
                return False
        log.error(
            "views: the database refused %d of %d views (%s); those are dropped",
            refused,
            len(rows),
            _reason(error),
        )
        return True

    def close(self) -> None:
        """Stop this process's flush thread and write the rest (at exit, or when the app is disposed)."""
        state = self._mine()
        if state is None:
            return
        state.stop.set()
        state.pending.set()
        state.full.set()
        if state.thread is not None and state.thread is not threading.current_thread():
            state.thread.join(timeout=60)
        if not self.flush():
            log.error("views: %d views could not be written before exit and are lost", len(state.rows))
        self._state = None

    def _mine(self) -> _Process | None:
        state = self._state
        return state if state is not None and state.pid == os.getpid() else None

    def _here(self) -> _Process:
        state = self._mine()
        if state is not None:
            return state
        with _creating:
            state = self._mine()
            if state is None:
                state = _Process()
                state.thread = threading.Thread(
                    target=self._run, args=(state,), name="hallbuilder-views", daemon=True
                )
                state.thread.start()
                self._state = state
        return state

    def _run(self, state: _Process) -> None:
        """The flush thread: sleep until a row arrives, gather rows for one interval, write them."""
        while not state.stop.is_set():
            state.pending.wait()
            state.full.wait(self.interval)
            state.full.clear()
            if state.stop.is_set():
                return
            try:
                written = self.flush()
            except Exception:  # a bug must not kill the thread silently
                log.exception("views: flush failed")
                written = False
            if not written:
                state.stop.wait(self.interval)

    def _keep(self, state: _Process, rows: list[Row]) -> None:
        """Put rows that were not written back in front of newer ones, within the limit."""
        with state.lock:
            state.rows[:0] = rows
            state.writing_rows = 0
            excess = len(state.rows) - self.limit
            if excess > 0:
                del state.rows[self.limit :]
                self._drop(state, excess)
            state.pending.set()

    def _failed(self, state: _Process, error: Exception, count: int) -> None:
        state.failures += 1
        if state.failures == 1 or state.failures % 100 == 0:
            log.warning(
                "views: cannot write %d views (%s); keeping them and retrying every %.0f ms (attempt %d)",
                count,
                _reason(error),
                self.interval * 1000,
                state.failures,
            )

    def _drop(self, state: _Process, count: int) -> None:
        """Called with state.lock held. Logs the first drop and every 10 000th after it."""
        before = state.dropped
        state.dropped += count
        if before == 0 or before // 10_000 != state.dropped // 10_000:
            log.error(
                "views: DROPPING views: %d are waiting for the database (the limit); %d dropped so far",
                self.limit,
                state.dropped,
            )


def _reason(error: Exception) -> str:
    """The first line of a database error, for the log."""
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _close_all() -> None:
    for buffer in list(_buffers):
        buffer.close()


atexit.register(_close_all)
