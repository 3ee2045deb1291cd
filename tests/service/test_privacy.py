"""Nothing the service keeps rebuilds a visitor's address: no address or User-Agent in the default access log,
no salt in the database it salts, seeds deleted after 48 hours on schedule (even when no visitor comes)."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from hallbuilder.service import context
from hallbuilder.service.context import Service, today
from hallbuilder.service.store import salts, sessions, upsert, users, utcnow
from hallbuilder.service.store.db import Database
from hallbuilder.service.store.tables import metadata
from hallbuilder.service.store.tables import salts as salt_rows
from hallbuilder.service.store.tables import sessions as session_rows

from .conftest import BROWSER_UA, SECRET, make_settings
from .servers import UA


def every_stored_value(database: Database) -> list[str]:
    values = []
    with database.read() as connection:
        for table in metadata.sorted_tables:
            for row in connection.execute(select(table)):
                values += [str(value) for value in row]
    return values


def test_no_stored_value_is_the_salt_or_the_address(client, app, database):
    client.post("/api/halls/demo-hall/comments", json={"nickname": "小明", "text": "好看"})
    client.post("/api/halls/demo-hall/views", json={"scene": "lobby"})
    client.post("/admin/login", data={"username": "x", "password": "y"})
    app.extensions["hallbuilder"].flush_views()
    salt = app.extensions["hallbuilder"].salt(today())
    stored = every_stored_value(database)
    assert salt and not any(salt in value for value in stored)
    assert not any("203.0.113.7" in value or BROWSER_UA in value for value in stored)


def test_the_salt_needs_the_secret_key_the_database_alone_is_not_enough(database_url):
    first = Service(make_settings(database_url), Database(database_url))
    second = Service(make_settings(database_url, secret_key="another secret"), Database(database_url))
    try:
        assert first.salt(today()) != second.salt(today())
        with first.database.read() as connection:
            assert salts.existing(connection, today()) not in (first.salt(today()), second.salt(today()))
    finally:
        first.close()
        second.close()


def plant(database: Database, days_ago: list[int]) -> None:
    with database.write() as connection:
        for days in days_ago:
            statement = upsert(connection, salt_rows).values(
                day=today() - timedelta(days=days), salt=f"seed{days}"
            )
            connection.execute(statement.on_conflict_do_nothing())


def seed_days(database: Database) -> list[int]:
    with database.read() as connection:
        return sorted((today() - day).days for day in connection.scalars(select(salt_rows.c.day)))


def test_old_seeds_and_sessions_are_deleted_on_schedule_without_any_visitor(database_url):
    database = Database(database_url)
    plant(database, [9, 3, 2, 1, 0])
    with database.write() as connection:
        user = users.add(connection, "organiser", "hash", "organiser")
        sessions.start(connection, user)
        connection.execute(session_rows.update().values(last_seen_at=utcnow() - timedelta(hours=9)))
    service = Service(make_settings(database_url), database, housekeeping_seconds=0.05)
    try:
        deadline = time.monotonic() + 20
        while seed_days(database) != [0, 1] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert seed_days(database) == [0, 1]
        with database.read() as connection:
            assert connection.execute(select(session_rows)).all() == []
    finally:
        service.close()


def test_a_salt_is_gone_from_every_worker_48_hours_after_its_day_began(database_url, monkeypatch):
    service = Service(make_settings(database_url), Database(database_url))
    try:
        day = today()
        assert service.salt(day)
        monkeypatch.setattr(context, "today", lambda: day + timedelta(days=1))
        assert service.salt(day, create=False)  # yesterday's: the 24-hour duplicate check needs it
        monkeypatch.setattr(context, "today", lambda: day + timedelta(days=2))
        assert service.salt(day, create=False) is None  # cached in this worker, and still forgotten
        service.salt(day + timedelta(days=2))
        assert seed_days(service.database) == [-2]  # the seed of `day` is deleted from the database too
    finally:
        service.close()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_upgrading_deletes_the_salts_stored_in_the_clear(request, tmp_path, backend):
    from alembic import command

    from hallbuilder.service.store import migrate

    if backend == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
        migrate.upgrade(database, "0003")
    else:
        database = Database(request.getfixturevalue("migrated_postgres")("hb_upgrade"))
        config = migrate._config(database)
        with database.writer.connect() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
            connection.commit()
    with database.write() as connection:
        connection.execute(text("INSERT INTO salts (day, salt) VALUES ('2026-01-01', 'plain salt')"))
    migrate.upgrade(database)
    assert seed_days(database) == []
    database.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_service_run_logs_no_address_user_agent_or_query(database_url):
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": database_url, "HALLBUILDER_SECRET_KEY": SECRET}
    command = [sys.executable, "-c", "from hallbuilder.cli import main; main()", "service", "run"]
    process = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        from http.client import HTTPConnection

        deadline = time.monotonic() + 60
        while True:
            try:
                connection = HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/api/health?who=marker", headers={"User-Agent": UA + " MarkerUA"})
                assert connection.getresponse().status == 200
                connection.close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the service did not start"
                time.sleep(0.2)
        logged = ""
        while "/api/health" not in logged:
            logged = lines.get(timeout=30)
        assert "GET /api/health HTTP/1.1" in logged and " 200 " in logged
        assert "127.0.0.1" not in logged and "MarkerUA" not in logged and "marker" not in logged
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_housekeeping_runs_just_after_each_utc_midnight():
    from datetime import UTC, datetime

    from hallbuilder.service.schedule import seconds_to_next_run

    assert seconds_to_next_run(3600, datetime(2026, 5, 1, 23, 50, tzinfo=UTC)) == 605
    assert seconds_to_next_run(3600, datetime(2026, 5, 1, 12, 0, tzinfo=UTC)) == 3600
