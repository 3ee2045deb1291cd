"""Throttling and server errors are retried with backoff: a proxy in front of moto fails some first tries."""

from __future__ import annotations

import http.client
import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli

ERRORS = {  # key -> (status, S3 error code) answered to the first PUT of that key
    "tour.json": (503, "SlowDown"),
    "index.html": (500, "InternalError"),
}


def flaky_proxy(upstream: str, attempts: Counter):
    target = urlsplit(upstream)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet
            pass

        def relay(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            key = urlsplit(self.path).path.split("/", 3)[-1]  # /bucket/hall/KEY -> KEY
            if self.command == "PUT":
                attempts[key] += 1
                status_code = ERRORS.get(key, (0, ""))
                if status_code[0] and attempts[key] == 1:
                    error = (
                        f"<Error><Code>{status_code[1]}</Code><Message>try again</Message></Error>".encode()
                    )
                    self.send_response(status_code[0])
                    self.send_header("Content-Length", str(len(error)))
                    self.end_headers()
                    self.wfile.write(error)
                    return
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
            connection.request(self.command, self.path, body, dict(self.headers))
            answer = connection.getresponse()
            data = answer.read()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in (
                    "content-length",
                    "transfer-encoding",
                    "connection",
                    "server",
                    "date",
                ):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            connection.close()

        do_GET = do_PUT = do_HEAD = do_POST = do_DELETE = relay

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


@pytest.fixture
def proxy(moto_endpoint):
    attempts: Counter = Counter()
    server = flaky_proxy(moto_endpoint, attempts)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", attempts
    server.shutdown()
    server.server_close()


def test_throttling_and_server_errors_are_retried(make_dist, bucket, proxy, s3):
    endpoint, attempts = proxy
    args = ["publish", str(make_dist()), "--to", f"s3://{bucket}/hall/", "--endpoint-url", endpoint, "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["uploaded"] == 30
    assert (attempts["tour.json"], attempts["index.html"], attempts["viewer/app-d5909fd3.css"]) == (2, 2, 1)
    assert s3.get_object(Bucket=bucket, Key="hall/index.html")["ContentType"] == "text/html; charset=utf-8"
