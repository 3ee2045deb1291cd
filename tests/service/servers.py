"""Real gunicorn servers for process-level tests: a pre-bound 127.0.0.1 socket (port 0), own session."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager

from .conftest import SECRET

UA = "Mozilla/5.0 (Linux; Android 14) Mobile Safari"


class Server:
    def __init__(self, process: subprocess.Popen, port: int) -> None:
        self.process = process
        self.port = port

    def request(
        self,
        method: str,
        path: str,
        body: dict | None = None,
        headers: dict | None = None,
        timeout: float = 30,
    ):
        """One request on a fresh connection; returns (status, headers, parsed JSON or None)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            payload = json.dumps(body).encode() if body is not None else None
            all_headers = {"User-Agent": UA, "Content-Type": "application/json", **(headers or {})}
            connection.request(method, path, body=payload, headers=all_headers)
            response = connection.getresponse()
            raw = response.read()
            parsed = (
                json.loads(raw)
                if raw and response.getheader("Content-Type", "").startswith("application/json")
                else None
            )
            return response.status, dict(response.getheaders()), parsed
        finally:
            connection.close()

    def stop(self, every_process: bool = False) -> int:
        """Graceful stop: SIGTERM to the master (`kill PID`, `docker stop`) or to every process of the server
        at once (systemd's default); wait for the exit and return gunicorn's exit code."""
        if every_process:
            os.killpg(self.process.pid, signal.SIGTERM)
        else:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)

    def kill(self) -> None:
        """kill -9 the master and every worker."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


@contextmanager
def gunicorn(database_url: str, workers: int = 2, **env: str):
    """gunicorn itself, with `workers` sync workers and warnings only."""
    gunicorn_command = [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--log-level", "warning"]
    with _server(
        lambda bind: [*gunicorn_command, "--bind", bind, "hallbuilder.service.wsgi:app"], database_url, env
    ) as server:
        yield server


@contextmanager
def service_run(database_url: str, **env: str):
    """`hallbuilder service run` with its defaults (workers, worker class, access log), as operators start it."""
    run_command = [sys.executable, "-m", "hallbuilder.cli", "service", "run"]
    with _server(lambda bind: [*run_command, "--bind", bind], database_url, env) as server:
        yield server


@contextmanager
def _server(command: Callable[[str], list[str]], database_url: str, env: dict[str, str]):
    """Start `command(bind address)` on a socket bound here (no port race) and wait for /api/health."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    port = listener.getsockname()[1]
    environment = {**os.environ, "DATABASE_URL": database_url, "HALLBUILDER_SECRET_KEY": SECRET, **env}
    process = subprocess.Popen(
        command(f"fd://{listener.fileno()}"),
        pass_fds=(listener.fileno(),),
        env=environment,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    listener.close()
    server = Server(process, port)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if server.request("GET", "/api/health")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        process.stderr.close()
