"""`hallbuilder service set-password`: a new argon2 hash from the command line, and that account logged out
everywhere (on SQLite and PostgreSQL)."""

from __future__ import annotations

from click.testing import CliRunner

from hallbuilder.cli import cli
from hallbuilder.service.admin.auth import hash_password, verify_password
from hallbuilder.service.store import sessions, users
from hallbuilder.service.store.db import Database

NEW = "a new long password"


def set_password(url: str, *args: str, typed: str = f"{NEW}\n{NEW}\n"):
    return CliRunner().invoke(cli, ["service", "set-password", "--database", url, *args], input=typed)


def test_set_password_replaces_the_hash_and_ends_only_that_accounts_logins(database_url):
    database = Database(database_url)
    with database.write() as connection:
        chen = users.add(connection, "chen", hash_password("the old password"), "organiser")
        li = users.add(connection, "li", hash_password("li's password"), "organiser")
        for user in (chen, chen, li):
            sessions.start(connection, user)
    result = set_password(database_url, "--username", "chen")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("New password for 'chen'; 2 session(s) ended: it must log in again.\n")
    assert NEW not in result.output  # the prompt hides it
    with database.read() as connection:
        stored = users.by_name(connection, "chen")["password_hash"]
        assert stored.startswith("$argon2")
        assert verify_password(stored, NEW) and not verify_password(stored, "the old password")
        assert (sessions.count(connection, chen), sessions.count(connection, li)) == (0, 1)
    database.dispose()


def test_set_password_names_an_unknown_account_and_a_short_password(database_url):
    unknown = set_password(database_url, "--username", "nobody")
    assert unknown.exit_code == 1
    assert unknown.output.endswith(
        "--username: no account named 'nobody'; create one with: hallbuilder service create-admin\n"
    )
    short = set_password(database_url, "--username", "chen", "--password", "short")
    assert short.exit_code == 1
    assert short.output == "--password: use at least 10 characters\n"


def test_set_password_asks_twice_and_stops_when_the_two_differ(database_url):
    database = Database(database_url)
    with database.write() as connection:
        users.add(connection, "chen", hash_password("the old password"), "organiser")
    result = set_password(database_url, "--username", "chen", typed=f"{NEW}\nanother one\n")
    assert result.exit_code == 1
    assert "Error: The two entered values do not match." in result.output
    with database.read() as connection:
        assert verify_password(users.by_name(connection, "chen")["password_hash"], "the old password")
    database.dispose()
