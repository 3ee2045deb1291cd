"""Views written behind the answer (store/viewbuffer.py): in batches, exactly once, through database failures,
and never across a fork. Graceful stops of real gunicorn workers are in test_processes.py."""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from datetime import date

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import event, select

from hallbuilder.cli import cli
from hallbuilder.errors import ServiceError
from hallbuilder.service.app import create_app
from hallbuilder.service.config import from_environment
from hallbuilder.service.context import Service
from hallbuilder.service.store.db import Database
from hallbuilder.service.store.tables import halls, views
from hallbuilder.service.store.viewbuffer import ViewBuffer

from .conftest import PG_ADMIN, make_settings, make_tour, register

API = "/api/halls/demo-hall"
DAY = date(2025, 5, 1)
FAIL_AT_FOURTH_ROW = [
    "CREATE FUNCTION fail_at_fourth() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF (SELECT count(*) FROM views) >= 3 THEN RAISE EXCEPTION 'the database fails'; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER fail_at_fourth BEFORE INSERT ON views FOR EACH ROW EXECUTE FUNCTION fail_at_fourth()",
]
HEAL = ["DROP TRIGGER fail_at_fourth ON views", "DROP FUNCTION fail_at_fourth()"]


def stored(database: Database) -> list[tuple]:
    """Every stored view row, read on its own connection: what other workers would see."""
    with database.read() as connection:
        return [tuple(row) for row in connection.execute(select(views.c.target, views.c.visitor))]


def wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def execute(database: Database, statements: list[str]) -> None:
    with database.write() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)


@pytest.fixture
def service(database_url):
    register(database_url, make_tour())
    state = Service(make_settings(database_url), Database(database_url))
    yield state
    state.close()


def test_views_are_written_in_a_few_transactions_and_counted_exactly(database_url):
    register(database_url, make_tour())
    app = create_app(make_settings(database_url, view_flush_ms=200))
    state = app.extensions["hallbuilder"]
    batches = []
    write = state.view_buffer.write

    def counted(rows) -> None:  # each call is one transaction (Database.raw_batch)
        write(rows)
        batches.append(len(rows))

    state.view_buffer.write = counted
    client = app.test_client()
    for number in range(120):
        address = {"REMOTE_ADDR": f"198.51.100.{number % 12}", "HTTP_USER_AGENT": "Mozilla/5.0 Mobile"}
        response = client.post(f"{API}/views", json={"scene": "lobby"}, environ_base=address)
        assert response.status_code == 204
    wait_for(lambda: len(stored(state.database)) >= 120)
    state.view_buffer.close()  # its flush thread has now written all it ever will: nothing may come twice
    assert len(stored(state.database)) == 120
    assert sum(batches) == 120 and len(batches) <= 12, f"{len(batches)} transactions for 120 views"
    assert client.get(f"{API}/stats").get_json()["scenes"]["lobby"] == {"views": 120, "visitors": 12}
    state.close()


def test_stats_of_a_worker_include_its_own_views_at_once(database_url):
    register(database_url, make_tour())
    app = create_app(make_settings(database_url, view_flush_ms=60_000))
    client = app.test_client()
    client.environ_base.update({"HTTP_USER_AGENT": "Mozilla/5.0 Mobile"})
    client.post(f"{API}/views", json={"scene": "hall-a"})
    state = app.extensions["hallbuilder"]
    assert stored(state.database) == []  # not yet written: the interval is a minute
    assert client.get(f"{API}/stats").get_json()["views"] == 1
    assert len(stored(state.database)) == 1
    state.close()


def test_a_full_buffer_is_written_without_waiting_for_the_interval(service):
    batches: list[int] = []

    def write(rows) -> None:
        service._write_views(rows)
        batches.append(len(rows))

    buffer = ViewBuffer(write, interval=60, size=5)
    for number in range(5):
        buffer.add(("demo-hall", "scene", "lobby", DAY, f"{number:032x}"))
    wait_for(lambda: batches)
    assert batches == [5]  # one write when the fifth arrived, none before, long before the minute is over
    assert len(stored(service.database)) == 5 and buffer.waiting() == 0
    buffer.close()


def fail_halfway(database: Database):
    """SQLite: the disk is full after a few dozen rows. PostgreSQL: a trigger fails at the fourth row.
    Returns the cure."""
    if not database.is_sqlite:
        execute(database, FAIL_AT_FOURTH_ROW)
        return lambda: execute(database, HEAL)

    def small_disk(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    event.listen(database.writer, "connect", small_disk)
    database.writer.dispose()  # connections from now on have the small disk

    def cure() -> None:
        event.remove(database.writer, "connect", small_disk)
        database.writer.dispose()

    return cure


def test_a_flush_that_fails_halfway_writes_nothing_and_the_next_writes_each_row_once(service, caplog):
    buffer = ViewBuffer(service._write_views, interval=60, refusals=service.database.refusals)
    rows = [("demo-hall", "scene", ("lobby", "hall-a")[n % 2], DAY, f"{n:032x}") for n in range(300)]
    for row in rows:
        buffer.add(row)
    cure = fail_halfway(service.database)
    with caplog.at_level(logging.WARNING, "hallbuilder.service.store.viewbuffer"):
        assert buffer.flush() is False
    assert stored(service.database) == []  # the rows inserted before the failure were rolled back with it
    assert buffer.waiting() == 300
    assert "views: cannot write 300 views (" in caplog.text
    assert ("database or disk is full" if service.database.is_sqlite else "the database fails") in caplog.text
    cure()
    assert buffer.flush() is True
    assert Counter(stored(service.database)) == Counter((row[2], row[4]) for row in rows)
    assert buffer.flush() is True and len(stored(service.database)) == 300
    buffer.close()


def test_views_of_a_hall_deleted_meanwhile_are_dropped_and_the_others_written(service, caplog):
    register(service.database.url, make_tour("other-hall"))
    buffer = ViewBuffer(service._write_views, interval=60, refusals=service.database.refusals)
    for number in range(5):
        hall = ("demo-hall", "other-hall")[number % 2]
        buffer.add((hall, "scene", "lobby", DAY, f"{number:032x}"))
    with service.database.write() as connection:
        connection.execute(halls.delete().where(halls.c.id == "other-hall"))
    with caplog.at_level(logging.WARNING, "hallbuilder.service.store.viewbuffer"):
        assert buffer.flush() is True
    assert sorted(stored(service.database)) == [("lobby", f"{number:032x}") for number in (0, 2, 4)]
    assert buffer.waiting() == 0
    assert "views: the database refused 2 of 5 views (" in caplog.text
    buffer.close()


@pytest.mark.postgres
def test_views_wait_while_postgres_refuses_connections_then_are_written_once(migrated_postgres, caplog):
    url = migrated_postgres("hb_outage")
    name = url.rsplit("/", 1)[1]
    register(url, make_tour())
    app = create_app(make_settings(url, view_flush_ms=20))
    state = app.extensions["hallbuilder"]
    client = app.test_client()
    client.environ_base.update({"HTTP_USER_AGENT": "Mozilla/5.0 Mobile"})
    client.post(f"{API}/views", json={"scene": "lobby"})  # hall and salt now cached in this worker
    wait_for(lambda: state.view_buffer.waiting() == 0)
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        try:
            with caplog.at_level(logging.WARNING, "hallbuilder.service.store.viewbuffer"):
                for _ in range(10):
                    assert client.post(f"{API}/views", json={"scene": "hall-a"}).status_code == 204
                wait_for(lambda: "views: cannot write" in caplog.text)
            assert state.view_buffer.waiting() == 10
            assert "keeping them and retrying every 20 ms" in caplog.text
        finally:
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
    wait_for(lambda: len(stored(state.database)) >= 11)
    state.view_buffer.close()  # writes whatever was still waiting: a view kept for a retry would come twice
    assert Counter(target for target, _ in stored(state.database)) == {"lobby": 1, "hall-a": 10}
    state.close()


def test_the_buffer_is_bounded_and_says_how_many_views_it_dropped(caplog):
    def refuse(rows) -> None:
        raise ConnectionError("database down")

    buffer = ViewBuffer(refuse, interval=60, limit=10)
    with caplog.at_level(logging.WARNING, "hallbuilder.service.store.viewbuffer"):
        for number in range(15):
            buffer.add(("demo-hall", "scene", "lobby", DAY, f"{number:032x}"))
        assert buffer.flush() is False
        assert buffer.waiting() == 10
        buffer.close()
    assert (
        "views: DROPPING views: 10 are waiting for the database (the limit); 1 dropped so far" in caplog.text
    )
    assert "views: 10 views could not be written before exit and are lost" in caplog.text


def test_a_forked_child_starts_empty_and_never_writes_its_parents_views(tmp_path):
    log = tmp_path / "written.txt"

    def write(rows) -> None:
        with log.open("a") as handle:
            handle.writelines(f"{os.getpid()} {row[4]}\n" for row in rows)

    buffer = ViewBuffer(write, interval=60)
    for number in range(3):
        buffer.add(("demo-hall", "scene", "lobby", DAY, f"parent-{number}"))
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        status = 1
        try:
            if buffer.waiting() == 0:
                buffer.add(("demo-hall", "scene", "lobby", DAY, "child-0"))
                buffer.close()
                status = 0
        finally:
            os._exit(status)
    assert os.waitpid(child, 0)[1] == 0
    buffer.close()
    lines = sorted(log.read_text().splitlines())
    assert lines == sorted([f"{child} child-0"] + [f"{os.getpid()} parent-{number}" for number in range(3)])


@pytest.mark.parametrize(("value", "expected"), [("", 50), (" 0 ", 0), ("250", 250), ("60000", 60_000)])
def test_flush_interval_setting(value, expected):
    assert from_environment({"HALLBUILDER_VIEW_FLUSH_MS": value}).view_flush_ms == expected


@pytest.mark.parametrize("value", ["fast", "-1", "1.5", "60001", "５０"])
def test_a_bad_flush_interval_names_the_variable(value):
    with pytest.raises(ServiceError) as error:
        from_environment({"HALLBUILDER_VIEW_FLUSH_MS": value})
    assert error.value.message == (
        "HALLBUILDER_VIEW_FLUSH_MS: expected a whole number of milliseconds from 0 (write at once) to 60000, "
        f"got {value!r}"
    )


def test_service_run_reports_a_bad_flush_interval_before_starting_gunicorn(monkeypatch):
    monkeypatch.setenv("HALLBUILDER_SECRET_KEY", "x")
    monkeypatch.setenv("HALLBUILDER_VIEW_FLUSH_MS", "soon")
    result = CliRunner().invoke(cli, ["service", "run"])
    assert result.exit_code == 1
    assert result.output == (
        "HALLBUILDER_VIEW_FLUSH_MS: expected a whole number of milliseconds from 0 (write at once) to 60000, "
        "got 'soon'\n"
    )


def test_flush_interval_0_writes_each_view_before_answering(database_url):
    register(database_url, make_tour())
    app = create_app(make_settings(database_url, view_flush_ms=0))
    state = app.extensions["hallbuilder"]
    assert state.view_buffer is None
    client = app.test_client()
    client.environ_base.update({"HTTP_USER_AGENT": "Mozilla/5.0 Mobile"})
    for number in range(1, 4):
        client.post(f"{API}/views", json={"scene": "lobby"})
        assert len(stored(state.database)) == number
    state.close()
