"""Run a local server until Ctrl+C or `kill`, then close it and what it holds (`serve` and `studio` share this)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any

import click


def serve_until_stopped(server: Any, close: Callable[[], None]) -> None:
    """`server.serve_forever()`; SIGTERM stops it as Ctrl+C does; `close()` runs after the server is closed."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.server_close()
        close()


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt
