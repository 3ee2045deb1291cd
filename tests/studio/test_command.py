"""The real `hallbuilder studio` command in a subprocess, over HTTP: token, Host/Origin, LAN password."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PASSWORD = "a long office password"


@contextmanager
def studio(*args: str, env: dict | None = None) -> Iterator[tuple[int, str]]:
    """Start the command; yield (port, the address line it printed); stop it with SIGTERM."""
    process = subprocess.Popen(
        [sys.executable, "-m", "hallbuilder.cli", "studio", *args, "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        env={**os.environ, **(env or {})},
    )
    try:
        line = ""
        for line in process.stdout:  # waits for the address line, however long the start takes
            if line.startswith("Studio: "):
                break
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
        yield port, line.strip()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def call(port: int, method: str, path: str, headers: dict | None = None, body: dict | None = None):
    """(status, headers, JSON or text) of one request; Host is 127.0.0.1:port unless given."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    data = json.dumps(body).encode() if body is not None else None
    body_headers = {"Content-Type": "application/json", "Content-Length": str(len(data))} if data else {}
    sent = {"Host": f"127.0.0.1:{port}", **body_headers, **(headers or {})}
    connection.putrequest(method, path, skip_host=True)
    for name, value in sent.items():
        connection.putheader(name, value)
    connection.endheaders(data)
    response = connection.getresponse()
    raw = response.read().decode("utf-8")
    connection.close()
    kind = response.getheader("Content-Type", "")
    return response.status, response, json.loads(raw) if kind.startswith("application/json") else raw


def test_the_command_creates_the_project_and_guards_every_request(tmp_path: Path):
    project = tmp_path / "new-hall"
    with studio(str(project)) as (port, line):
        assert (project / "hall.yaml").is_file() and (project / "photos" / "lobby.jpg").is_file()
        token = re.search(r"\?token=([\w-]+)$", line).group(1)
        bearer = {"Authorization": f"Bearer {token}"}
        status, _, body = call(port, "GET", "/api/version")
        assert status == 401 and body["error"]["code"] == "no_token"
        status, _, body = call(port, "GET", "/api/version", bearer)
        assert status == 200 and len(body["version"]) == 64
        for foreign in ({"Host": f"evil.example:{port}"}, {"Origin": "http://evil.example"}):
            status, _, body = call(port, "GET", "/api/version", {**bearer, **foreign})
            assert status == 403 and body["error"]["code"] == "foreign"
        status, response, _ = call(port, "GET", f"/?token={token}")
        assert status == 303 and response.getheader("Location") == "/"
        cookie = response.getheader("Set-Cookie").split(";")[0]
        status, _, body = call(port, "GET", "/api/session", {"Cookie": cookie, "Host": f"localhost:{port}"})
        assert status == 200 and body["lan"] is False


def test_the_lan_needs_a_password_to_start(tmp_path: Path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "hallbuilder.cli",
            "studio",
            str(tmp_path / "hall"),
            "--host",
            "0.0.0.0",
            "--no-browser",
        ],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={key: value for key, value in os.environ.items() if key != "HALLBUILDER_STUDIO_PASSWORD"},
        timeout=120,
    )
    assert result.returncode == 1
    assert "--host 0.0.0.0 opens the studio to the network, so it needs a password" in result.stderr
    assert not (tmp_path / "hall").exists()


def test_on_the_lan_nothing_works_before_login(hall: Path, tmp_path: Path):
    password_file = tmp_path / "password.txt"
    password_file.write_text(PASSWORD + "\n", "utf-8")
    with studio(str(hall), "--host", "0.0.0.0", "--password-file", str(password_file)) as (port, line):
        assert "token" not in line
        version = hall / "hall.yaml"
        before = version.read_bytes()
        assert call(port, "GET", "/api/project")[0] == 401
        status, response, _ = call(port, "GET", "/")
        assert status == 303 and response.getheader("Location") == "/login"
        status, _, body = call(port, "POST", "/login", body={"password": "not it at all"})
        assert status == 401 and body["error"]["code"] == "bad_password"
        status, response, body = call(port, "POST", "/login", body={"password": PASSWORD})
        assert status == 200, body
        session = {"Cookie": response.getheader("Set-Cookie").split(";")[0]}
        status, _, current = call(port, "GET", "/api/version", session)
        assert status == 200
        edit = {
            "version": current["version"],
            "ops": [{"op": "set", "path": ["hall", "title"], "value": "LAN"}],
        }
        assert call(port, "POST", "/api/edit", session, edit)[0] == 403  # no CSRF token
        assert version.read_bytes() == before
        status, _, _ = call(port, "POST", "/api/edit", {**session, "X-CSRF-Token": body["csrf"]}, edit)
        assert status == 200 and "title: LAN" in version.read_text("utf-8")


def test_a_folder_that_is_not_a_hall_is_left_alone(tmp_path: Path):
    from click.testing import CliRunner

    from hallbuilder.cli import cli

    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    result = CliRunner().invoke(cli, ["studio", str(tmp_path), "--no-browser"])
    assert result.exit_code == 1
    assert "no hall.yaml here and the folder is not empty" in result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]
