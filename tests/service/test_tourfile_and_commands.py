"""tour.json -> hall, the `service` CLI group and migrations that keep data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from sqlalchemy import func, inspect, select

from hallbuilder.cli import cli
from hallbuilder.errors import ServiceError
from hallbuilder.service.store import halls, migrate, users
from hallbuilder.service.store.db import Database
from hallbuilder.service.store.tables import comments, views
from hallbuilder.service.tourfile import hall_from_tour, read

from .conftest import make_tour

SCHEMA = Path(__file__).resolve().parents[2] / "hallbuilder" / "builder" / "tour.schema.json"


def test_fixture_tour_is_valid_against_the_schema():
    jsonschema.validate(make_tour(), json.loads(SCHEMA.read_text()))


def test_hall_from_tour_reads_scenes_and_branches():
    hall = hall_from_tour(make_tour(), "dist/tour.json")
    assert hall["id"] == "demo-hall" and hall["title"] == "示范展厅"
    assert hall["scenes"] == [{"id": "lobby", "title": "大厅"}, {"id": "hall-a", "title": "A 厅"}]
    assert hall["branches"] == [
        {"id": "north-branch", "name": "北分行"},
        {"id": "south-branch", "name": "south-branch"},
    ]


def test_bad_tour_messages_name_the_file_and_key(tmp_path):
    tour = make_tour()
    tour["scenes"][1]["id"] = "Hall A"
    with pytest.raises(ServiceError) as error:
        hall_from_tour(tour, "dist/tour.json")
    assert error.value.message == (
        "dist/tour.json: scenes[1].id: expected an id of lower-case letters, digits "
        "and dashes (at most 64), got 'Hall A'; rebuild the hall"
    )
    with pytest.raises(ServiceError, match=r"no such file; give the tour.json of a built hall"):
        read(str(tmp_path / "missing.json"))
    (tmp_path / "tour.json").write_text("{", "utf-8")
    with pytest.raises(ServiceError, match=r"tour.json: not valid JSON"):
        read(str(tmp_path))


def test_register_again_updates_scenes_and_keeps_moderation(sqlite_url):
    database = Database(sqlite_url)
    with database.write() as connection:
        halls.register(connection, hall_from_tour(make_tour(), "tour.json"))
        halls.set_moderation(connection, "demo-hall", "post")
        tour = make_tour()
        tour["scenes"] = tour["scenes"][:1]
        halls.register(connection, hall_from_tour(tour, "tour.json"))
        assert halls.scene_ids(connection, "demo-hall") == ["lobby"]
        assert halls.get(connection, "demo-hall")["moderation"] == "post"


def test_cli_init_register_create_admin(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    runner = CliRunner()
    result = runner.invoke(cli, ["service", "init-db", "--database", url])
    assert result.exit_code == 0, result.output
    head = migrate.head_revision(Database(url))
    assert result.output == f"Database ready at revision {head}.\n"
    tour = tmp_path / "tour.json"
    tour.write_text(json.dumps(make_tour()), "utf-8")
    result = runner.invoke(cli, ["service", "register-hall", str(tour), "--database", url])
    assert result.output == "Hall 'demo-hall' registered: 2 scenes, 2 branches.\n"
    result = runner.invoke(
        cli,
        ["service", "create-admin", "--database", url, "--username", "chen"],
        input="a long password\na long password\n",
    )
    assert result.exit_code == 0, result.output
    assert result.output.endswith("Admin 'chen' (organiser) created.\n")
    again = runner.invoke(
        cli,
        [
            "service",
            "create-admin",
            "--database",
            url,
            "--username",
            "chen",
            "--password",
            "another long one",
        ],
    )
    assert again.exit_code == 1
    assert again.output == "--username: an account named 'chen' already exists\n"
    short = runner.invoke(
        cli, ["service", "create-admin", "--database", url, "--username", "li", "--password", "x"]
    )
    assert short.output == "--password: use at least 10 characters\n"
    with Database(url).read() as connection:
        assert users.by_name(connection, "chen")["role"] == "organiser"
    assert (
        runner.invoke(cli, ["service", "migrate", "--database", url]).output
        == f"Database already at {head}.\n"
    )


def test_cli_reports_a_bad_database_url(tmp_path):
    result = CliRunner().invoke(cli, ["service", "init-db", "--database", "mysql://x"])
    assert result.exit_code == 1
    assert result.output == (
        "DATABASE_URL: expected sqlite:///path/to/file.sqlite3 or postgresql://user@host/db, "
        "got 'mysql://x'\n"
    )
    result = CliRunner().invoke(
        cli, ["service", "init-db", "--database", "postgresql://nobody@127.0.0.1:1/x"]
    )
    assert result.exit_code == 1
    assert result.output.startswith("DATABASE_URL: cannot open the database (")


def test_service_run_needs_a_secret(monkeypatch):
    monkeypatch.delenv("HALLBUILDER_SECRET_KEY", raising=False)
    result = CliRunner().invoke(cli, ["service", "run"])
    assert result.exit_code == 1
    assert result.output.startswith("HALLBUILDER_SECRET_KEY is not set: every worker needs the same secret")


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_migrations_upgrade_a_database_that_holds_data(backend, tmp_path, request):
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    else:
        url = (
            request.getfixturevalue("postgres_url").rsplit("/", 1)[0] + "/" + "hb_migr_" + tmp_path.name[-8:]
        )
        url = url.replace("-", "_").lower()
        _create_pg(url)
    database = Database(url)
    try:
        migrate.upgrade(database, "0001")
        assert migrate.current_revision(database) == "0001"
        assert "likes" not in inspect(database.reader).get_table_names()
        with database.write() as connection:
            connection.exec_driver_sql(
                "INSERT INTO halls (id, title, tour_url, moderation, registered_at) "
                "VALUES ('old-hall', 'Old', '', 'post', '2025-01-01 00:00:00')"
            )
            connection.exec_driver_sql(
                "INSERT INTO comments (hall_id, scene, nickname, text, status, reason, visitor, text_hash, "
                "created_at, updated_at) VALUES ('old-hall', NULL, 'n', '旧评论', 'published', '', 'v', 'h', "
                "'2025-01-01 00:00:00', '2025-01-01 00:00:00')"
            )
            connection.exec_driver_sql(
                "INSERT INTO views (hall_id, kind, target, day, visitor) "
                "VALUES ('old-hall', 'scene', 'lobby', '2025-01-01', 'v')"
            )
            connection.exec_driver_sql(
                "INSERT INTO users (username, password_hash, role, created_at) "
                "VALUES ('old-admin', 'x', 'organiser', '2025-01-01 00:00:00')"
            )
        migrate.upgrade(database)
        assert migrate.current_revision(database) == migrate.head_revision(database) != "0001"
        with database.read() as connection:
            assert connection.scalar(select(comments.c.text)) == "旧评论"
            assert connection.scalar(select(func.count()).select_from(views)) == 1
            old_admin = users.by_name(connection, "old-admin")
            assert old_admin["branch_id"] is None and old_admin["role"] == "organiser"
            assert halls.get(connection, "old-hall")["moderation"] == "post"
        with database.write() as connection:
            from hallbuilder.service.store import views as view_store

            assert view_store.like(connection, "old-hall", "b", date(2025, 1, 2), "v") == (1, True)
    finally:
        database.dispose()
        if backend == "postgres":
            _drop_pg(url)


def _create_pg(url: str) -> None:
    import psycopg

    from .conftest import PG_ADMIN

    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{url.rsplit("/", 1)[1]}"')


def _drop_pg(url: str) -> None:
    import psycopg

    from .conftest import PG_ADMIN

    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def test_schema_of_migrations_matches_the_tables(database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from hallbuilder.service.store.tables import metadata

    database = Database(database_url)
    with database.reader.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    database.dispose()


def test_register_hall_from_a_url(tmp_path):
    import functools
    import http.server
    import threading

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "tour.json").write_text(json.dumps(make_tour("url-hall")), "utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"sqlite:///{tmp_path / 'u.sqlite3'}"
        tour_url = f"http://127.0.0.1:{server.server_port}/tour.json"
        result = CliRunner().invoke(cli, ["service", "register-hall", tour_url, "--database", url])
        assert result.output == "Hall 'url-hall' registered: 2 scenes, 2 branches.\n"
        with Database(url).read() as connection:
            assert halls.get(connection, "url-hall")["tour_url"] == tour_url
        missing = CliRunner().invoke(cli, ["service", "register-hall", tour_url + ".old", "--database", url])
        assert missing.exit_code == 1
        assert missing.output == f"{tour_url}.old: cannot download tour.json (HTTP 404); check the address\n"
    finally:
        server.shutdown()
        server.server_close()
