"""One database helper: engines for SQLite (WAL) or PostgreSQL, and write/read/count transactions.

SQLite write transactions start with BEGIN IMMEDIATE, so a read never has to turn into a write halfway, and
writers of all worker processes first queue on an flock() of `<database>.lock`: a waiting writer wakes the
moment the previous one commits instead of sleeping in SQLite's busy handler (several times the throughput
under load). PostgreSQL needs neither.

`count()` is for view and like counters: on PostgreSQL each statement commits by itself (one round trip)
without waiting for the disk flush (synchronous_commit=off). `raw_batch()` is one such transaction for many view
rows at once (see viewbuffer.py). Only a crash of PostgreSQL itself can lose the last fraction of a second
of committed views. Comments, messages and everything else use `write()`, fully synchronous.
"""

from __future__ import annotations

import fcntl
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from hallbuilder.errors import ServiceError


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode keeps every committed transaction when a process is killed (not on power loss).
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection) -> None:
        connection.exec_driver_sql(begin)

    return engine


class WriterQueue:
    """One SQLite writer at a time across threads (a lock) and processes (flock on a lock file)."""

    def __init__(self, database_path: str) -> None:
        self.path = Path(database_path + ".lock")
        self.thread_lock = threading.Lock()
        self.handle: BinaryIO | None = None

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self.thread_lock:
            if self.handle is None:
                self.handle = self.path.open("a+b")
            handle = self.handle
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def _sqlite_path(url: str) -> str | None:
    """The file of a sqlite:///path URL, or None for in-memory databases."""
    path = url.split(":///", 1)[1].split("?", 1)[0] if ":///" in url else ""
    return path if path and path != ":memory:" else None


class Database:
    """Engines for one DATABASE_URL; `write()` and `read()` yield a connection inside a transaction.

    `refusals` are the driver's errors about the rows themselves (constraints, bad values) rather than about
    reaching the database: retrying the same rows cannot help.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        self.queue = None
        if self.is_sqlite:
            self.writer = _sqlite_engine(url, "BEGIN IMMEDIATE")
            self.reader = _sqlite_engine(url, "BEGIN")
            path = _sqlite_path(url)
            self.queue = WriterQueue(path) if path else None
            self.counter = self.writer
            self.refusals: tuple[type[Exception], ...] = (sqlite3.IntegrityError, sqlite3.DataError)
        else:
            options = {"pool_size": 5, "max_overflow": 5, "pool_recycle": 1800, "pool_pre_ping": True}
            self.writer = self.reader = create_engine(url, **options)
            # Counters: single statements, each its own transaction (one round trip), no wait for the flush.
            self.counter = create_engine(
                url,
                isolation_level="AUTOCOMMIT",
                connect_args={"options": "-c synchronous_commit=off"},
                **{**options, "pool_pre_ping": False, "pool_reset_on_return": None},
            )
            import psycopg

            self.refusals = (psycopg.IntegrityError, psycopg.DataError)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        if self.queue is None:
            with self.writer.begin() as connection:
                yield connection
            return
        with self.queue.turn(), self.writer.begin() as connection:
            yield connection

    @contextmanager
    def count(self) -> Iterator[Connection]:
        """A write transaction for counters (views, likes): see the module docstring."""
        if self.is_sqlite:
            with self.write() as connection:
                yield connection
            return
        with self.counter.begin() as connection:
            yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.reader.begin() as connection:
            yield connection

    @contextmanager
    def raw_count(self) -> Iterator[object]:
        """Like `count()`, but a DB-API cursor: for the one hot path (a view is a single INSERT, and
        SQLAlchemy's per-statement work costs more than the insert itself)."""
        raw = (self.writer if self.is_sqlite else self.counter).raw_connection()
        try:
            with self.queue.turn() if self.queue is not None else nullcontext():
                cursor = raw.cursor()
                if self.is_sqlite:
                    cursor.execute("BEGIN IMMEDIATE")
                try:
                    yield cursor
                except BaseException:
                    if self.is_sqlite:
                        raw.rollback()
                    raise
                if self.is_sqlite:
                    cursor.execute("COMMIT")
                # PostgreSQL: the counter engine is in autocommit mode, the INSERT has committed.
                cursor.close()
        finally:
            raw.close()

    @contextmanager
    def raw_batch(self) -> Iterator[object]:
        """A DB-API cursor in ONE transaction for a batch of counter rows (viewbuffer.py): all rows or none.
        On PostgreSQL the commit does not wait for the disk flush either, as with `count()`."""
        if self.is_sqlite:
            with self.raw_count() as cursor:  # BEGIN IMMEDIATE ... COMMIT, in the writer queue
                yield cursor
            return
        raw = self.writer.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
            try:
                yield cursor
            except BaseException:
                raw.rollback()
                raise
            raw.commit()
            cursor.close()
        finally:
            raw.close()

    def check(self) -> None:
        """Fail early with a readable message when the database cannot be reached."""
        try:
            with self.read() as connection:
                connection.exec_driver_sql("SELECT 1")
        except OperationalError as error:
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise ServiceError(
                f"DATABASE_URL: cannot open the database ({reason}); check the address and that it is running"
            ) from None

    def dispose(self) -> None:
        for engine in {id(e): e for e in (self.writer, self.reader, self.counter)}.values():
            engine.dispose()
        if self.queue is not None:
            self.queue.close()
