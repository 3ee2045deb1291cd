"""One database helper: engines for SQLite (WAL) or PostgreSQL, and write/read transactions.

SQLite write transactions start with BEGIN IMMEDIATE: several worker processes then queue on the
busy timeout instead of failing with "database is locked" when a read turns into a write.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

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


class Database:
    """Engines for one DATABASE_URL; `write()` and `read()` yield a connection inside a transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self.writer = _sqlite_engine(url, "BEGIN IMMEDIATE")
            self.reader = _sqlite_engine(url, "BEGIN")
        else:
            self.writer = self.reader = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.writer.begin() as connection:
            yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.reader.begin() as connection:
            yield connection

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
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()
