"""A small threaded static server for a built dist/ on 127.0.0.1 and a free port, with an optional fake
visitor API under /api/ (the contract the viewer calls), recording what it was sent."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

# (method, path with query, body) -> (status, JSON body or None[, extra response headers])
Api = Callable[[str, str, bytes], tuple]


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".m4a": "audio/mp4",
    }
    api: Api | None = None

    def log_message(self, format: str, *args: object) -> None:
        """Tests read failures from the browser, not from the access log."""

    def answer_api(self, method: str) -> bool:
        if not (self.api and self.path.startswith("/api/")):
            return False
        length = int(self.headers.get("Content-Length") or 0)
        status, data, *extra = self.api(method, self.path, self.rfile.read(length) if length else b"")
        body = json.dumps(data).encode() if data is not None else b""
        self.send_response(status)
        for name, value in (extra[0] if extra else {}).items():
            self.send_header(name, value)
        if data is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return True

    def do_GET(self) -> None:
        if not self.answer_api("GET"):
            super().do_GET()

    def do_POST(self) -> None:
        if not self.answer_api("POST"):
            self.send_error(405)


@contextmanager
def serve(folder: Path, api: Api | None = None) -> Iterator[str]:
    """Serve `folder` at http://127.0.0.1:<free port>/ while the block runs; yields the base URL."""
    handler = functools.partial(
        type("Handler", (QuietHandler,), {"api": staticmethod(api) if api else None}), directory=str(folder)
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
