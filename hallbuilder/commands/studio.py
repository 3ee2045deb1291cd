"""`hallbuilder studio [PROJECT]`: the local authoring app in the browser (hallbuilder/studio/).

Binds 127.0.0.1 with a per-run token in the printed address. `--host 0.0.0.0` (an office LAN) starts only with
a password (--password-file, $HALLBUILDER_STUDIO_PASSWORD or a prompt); staff then log in.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
import threading
from pathlib import Path

import click

from hallbuilder.commands.serving import serve_until_stopped
from hallbuilder.errors import HallError

PASSWORD_VARIABLE = "HALLBUILDER_STUDIO_PASSWORD"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class StudioStartError(HallError):
    """The studio cannot start as asked (no password for the LAN, port in use)."""


def read_password(password_file: Path | None, host: str) -> str | None:
    """The password for LAN mode; None on this computer only. Refuses a LAN start without one."""
    if host in LOOPBACK_HOSTS:
        return None
    if password_file is not None:
        password = password_file.read_text("utf-8").strip()
    else:
        password = os.environ.get(PASSWORD_VARIABLE, "")
        if not password and sys.stdin.isatty():
            password = click.prompt(
                "Password for the studio (staff on the LAN log in with it)", hide_input=True
            )
    if len(password) < 8:
        raise StudioStartError(
            f"--host {host} opens the studio to the network, so it needs a password of at least 8 characters: "
            f"give --password-file FILE, set {PASSWORD_VARIABLE}, or start it from a terminal to be asked"
        )
    return password


def open_project(project: Path) -> Path:
    """The project folder; created as `hallbuilder new` does when it does not exist yet."""
    from hallbuilder.commands.new import create_project

    if not (project / "hall.yaml").is_file():
        if project.exists() and any(project.iterdir()):
            raise StudioStartError(
                f"{project}: no hall.yaml here and the folder is not empty; give a hall project's folder, "
                "or a new folder name to start one"
            )
        create_project(project)
        click.echo(f"Created a hall project in {project}")
    return project


@click.command()
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--host", default="127.0.0.1", show_default=True, help="0.0.0.0 to open it to the office LAN.")
@click.option("--port", default=8700, show_default=True, type=int)
@click.option("--no-browser", is_flag=True, help="Do not open the browser.")
@click.option(
    "--password-file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help=f"File holding the password for --host 0.0.0.0 (or set {PASSWORD_VARIABLE}).",
)
def studio(project: Path, host: str, port: int, no_browser: bool, password_file: Path | None) -> None:
    """Lay out the hall in PROJECT in the browser (created when it does not exist)."""
    from argon2 import PasswordHasher
    from werkzeug.serving import make_server

    from hallbuilder.commands.logs import setup_logging
    from hallbuilder.studio import create_app

    setup_logging()
    for quiet in ("werkzeug", "hallbuilder.builder"):  # the page polls every 2 s; previews build on each save
        logging.getLogger(quiet).setLevel(logging.WARNING)
    password = read_password(password_file, host)
    project = open_project(project)
    token = secrets.token_urlsafe(24)
    app = create_app(project, token, PasswordHasher().hash(password) if password else None)
    try:
        server = make_server(host, port, app, threaded=True)
    except OSError as error:
        raise StudioStartError(
            f"--port {port}: cannot listen on {host}:{port} ({error.strerror}); choose another port"
        ) from None
    port = server.server_port  # --port 0 picks a free one
    address = f"http://127.0.0.1:{port}/"
    if password:
        from hallbuilder.commands.service import lan_address  # the command's helper, not the service

        lan = f"http://{lan_address() or '<this computer’s IP address>'}:{port}/"
        click.echo(f"Studio: {address}  (staff on the LAN: {lan}, log in with the password)")
        click.echo("  Open it by IP address: names other than localhost are refused (DNS rebinding).")
    else:
        address += f"?token={token}"
        click.echo(f"Studio: {address}")
    click.echo("Press Ctrl+C to stop.")
    sys.stdout.flush()
    if not no_browser:
        import webbrowser

        threading.Thread(target=webbrowser.open, args=(address,), daemon=True).start()
    serve_until_stopped(server, app.extensions["studio"].close)
