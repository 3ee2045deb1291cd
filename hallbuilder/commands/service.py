"""`hallbuilder serve DIST` (local preview) and `hallbuilder service ...` (administration, production).

Errors are raised as ServiceError; hallbuilder/cli.py turns them into one red line.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path

import click

from hallbuilder.commands.serving import serve_until_stopped
from hallbuilder.errors import ServiceError

# gunicorn's default access log writes each client's address and User-Agent (with them, a visitor hash is
# rebuilt) and the query string. Ours: time, method, path, protocol, status, bytes, milliseconds.
ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'

DATABASE_OPTION = click.option(
    "--database",
    "database_url",
    envvar="DATABASE_URL",
    default=None,
    metavar="URL",
    help="sqlite:///path.sqlite3 or postgresql://user@host/db (default: $DATABASE_URL, else "
    "sqlite:///hallbuilder-service.sqlite3).",
)


def _database(url: str | None):
    from hallbuilder.service.config import DEFAULT_DATABASE_URL, normalise_database_url
    from hallbuilder.service.store.db import Database

    database = Database(normalise_database_url(url or DEFAULT_DATABASE_URL))
    database.check()
    return database


def lan_address() -> str | None:
    """This machine's address on the local network (no packet is sent), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def register_tour(database, source: str) -> dict:
    from hallbuilder.service import tourfile
    from hallbuilder.service.store import halls

    tour, where = tourfile.read(source)
    hall = tourfile.hall_from_tour(tour, where)
    with database.write() as connection:
        halls.register(connection, hall)
    return hall


def prepare(database) -> None:
    """Create or upgrade the schema (idempotent)."""
    from hallbuilder.service.store import migrate

    migrate.upgrade(database)


@click.command()
@click.argument("dist", type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="0.0.0.0 to let phones on the LAN in.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--database",
    "database_url",
    default=None,
    metavar="URL",
    help="Default: SQLite next to the tour (DIST/../hallbuilder-service.sqlite3).",
)
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The hall project whose hall.yaml edit mode saves into (default: DIST's parent when it has hall.yaml).",
)
def serve(dist: Path, host: str, port: int, database_url: str | None, project: Path | None) -> None:
    """Preview a built tour with the comment service on this machine."""
    from werkzeug.serving import make_server

    from hallbuilder.service import preview
    from hallbuilder.service.app import create_app
    from hallbuilder.service.config import from_environment

    if not (dist / "tour.json").is_file():
        raise ServiceError(
            f"{dist}: no tour.json here; build the hall first (hallbuilder build) and give its dist folder"
        )
    url = database_url or f"sqlite:///{(dist.resolve().parent / 'hallbuilder-service.sqlite3').as_posix()}"
    database = _database(url)
    prepare(database)
    hall = register_tour(database, str(dist / "tour.json"))
    database.dispose()
    settings = from_environment({**os.environ, "DATABASE_URL": url}).but(secure_cookies=False)
    app = create_app(settings)
    project = project or (dist.resolve().parent if (dist.resolve().parent / "hall.yaml").is_file() else None)
    if project is not None and not (project / "hall.yaml").is_file():
        raise ServiceError(
            f"--project {project}: no hall.yaml there; give the folder that holds the hall's hall.yaml"
        )
    preview.register(app, dist.resolve(), project.resolve() if project else None)
    try:
        server = make_server(host, port, app, threaded=True, request_handler=preview.AddresslessLog)
    except OSError as error:
        raise ServiceError(
            f"--port {port}: cannot listen on {host}:{port} ({error.strerror}); choose another port"
        ) from None
    port = server.server_port  # --port 0 picks a free one
    click.echo(f"Hall '{hall['id']}' ({len(hall['scenes'])} scenes) with comments, messages and statistics.")
    click.echo(f"  On this computer:  http://127.0.0.1:{port}/")
    if host == "0.0.0.0":
        address = lan_address()
        click.echo(
            f"  On a phone (same Wi-Fi):  http://{address}:{port}/"
            if address
            else "  No LAN address found: is this computer on a network?"
        )
    else:
        click.echo("  Phones cannot reach it: add --host 0.0.0.0 to open it to the local network.")
    click.echo(
        f"  Admin pages:  http://127.0.0.1:{port}/admin/  (create an account: hallbuilder service "
        f"create-admin --database {url})"
    )
    if project is not None:
        click.echo(f"  Edit mode (More ⋯ → Edit mode) saves hotspots into {project / 'hall.yaml'}")
    click.echo("Press Ctrl+C to stop.", nl=True)
    sys.stdout.flush()
    serve_until_stopped(server, app.extensions["hallbuilder"].close)  # the views still buffered are written


@click.group()
def service() -> None:
    """Run and administer the hall service (admins, database)."""


@service.command("init-db")
@DATABASE_OPTION
def init_db(database_url: str | None) -> None:
    """Create the tables (or bring them up to date)."""
    from hallbuilder.service.store import migrate

    database = _database(database_url)
    prepare(database)
    click.echo(f"Database ready at revision {migrate.current_revision(database)}.")


@service.command("migrate")
@DATABASE_OPTION
def migrate_command(database_url: str | None) -> None:
    """Upgrade the schema to this version of hallbuilder, keeping all data."""
    from hallbuilder.service.store import migrate

    database = _database(database_url)
    before = migrate.current_revision(database)
    prepare(database)
    after = migrate.current_revision(database)
    click.echo(
        f"Database upgraded from {before or 'empty'} to {after}."
        if before != after
        else f"Database already at {after}."
    )


service.add_command(migrate_command, "upgrade")


@service.command("create-admin")
@DATABASE_OPTION
@click.option("--username", prompt=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", type=click.Choice(["organiser", "branch"]), default="organiser", show_default=True)
@click.option("--hall", "hall_id", default=None, help="Branch users: the hall of their branch.")
@click.option("--branch", "branch_id", default=None, help="Branch users: their branch id.")
def create_admin(database_url, username: str, password: str, role: str, hall_id, branch_id) -> None:
    """Create an admin account (argon2-hashed password)."""
    from hallbuilder.service.admin.auth import hash_password
    from hallbuilder.service.store import users

    username = username.strip()
    if not username or len(username) > 64:
        raise ServiceError("--username: give 1 to 64 characters")
    if len(password) < 10:
        raise ServiceError("--password: use at least 10 characters")
    if role == "branch" and not (hall_id and branch_id):
        raise ServiceError("--role branch needs --hall HALL and --branch BRANCH")
    database = _database(database_url)
    prepare(database)
    with database.write() as connection:
        if users.by_name(connection, username):
            raise ServiceError(f"--username: an account named {username!r} already exists")
        users.add(connection, username, hash_password(password), role, hall_id, branch_id)
    click.echo(f"Admin {username!r} ({role}) created.")


@service.command("set-password")
@DATABASE_OPTION
@click.option("--username", prompt=True)
@click.option("--password", prompt="New password", hide_input=True, confirmation_prompt=True)
def set_password(database_url: str | None, username: str, password: str) -> None:
    """Give an account a new password (argon2-hashed); it is logged out everywhere."""
    from hallbuilder.service.admin.auth import hash_password
    from hallbuilder.service.store import sessions, users

    username = username.strip()
    if len(password) < 10:
        raise ServiceError("--password: use at least 10 characters")
    database = _database(database_url)
    prepare(database)
    with database.write() as connection:
        user = users.by_name(connection, username)
        if user is None:
            raise ServiceError(
                f"--username: no account named {username!r}; create one with: hallbuilder service create-admin"
            )
        users.set_password(connection, user["id"], hash_password(password))
        ended = sessions.end_all(connection, user["id"])
        sessions.distrust_all(connection, user["id"])
        users.audit(connection, "(command line)", "password", username, f"{ended} session(s) ended")
    click.echo(f"New password for {username!r}; {ended} session(s) ended: it must log in again.")


@service.command("register-hall")
@DATABASE_OPTION
@click.argument("tour_json_or_url")
def register_hall(database_url: str | None, tour_json_or_url: str) -> None:
    """Register (or refresh) a published hall from its tour.json, a file path or a URL."""
    database = _database(database_url)
    prepare(database)
    hall = register_tour(database, tour_json_or_url)
    click.echo(
        f"Hall '{hall['id']}' registered: {len(hall['scenes'])} scenes, {len(hall['branches'])} branches."
    )


@service.command("run")
@click.option("--bind", default="127.0.0.1:8000", show_default=True)
@click.option("--workers", default=4, show_default=True, type=int)
def run(bind: str, workers: int) -> None:
    """Run the service with gunicorn (production); settings from the environment (see docs/service.md)."""
    if not os.environ.get("HALLBUILDER_SECRET_KEY"):
        raise ServiceError(
            "HALLBUILDER_SECRET_KEY is not set: every worker needs the same secret; "
            "make one with: python -c 'import secrets; print(secrets.token_hex(32))'"
        )
    from hallbuilder.service.config import from_environment

    from_environment()  # a wrong setting is reported here, once, rather than by every worker
    gunicorn = shutil.which("gunicorn") or str(Path(sys.executable).parent / "gunicorn")
    arguments = [
        gunicorn,
        "--workers",
        str(workers),
        "--bind",
        bind,
        "--access-logfile",
        "-",
        "--access-logformat",
        ACCESS_LOG_FORMAT,
        "hallbuilder.service.wsgi:app",
    ]
    click.echo(" ".join(arguments))
    os.execv(gunicorn, arguments)
