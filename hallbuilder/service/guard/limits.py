"""Rate limits kept in the database: they hold across worker processes, hosts and restarts."""

from __future__ import annotations

import math
import time

from sqlalchemy import Connection

from hallbuilder.service.store import limits


def check(connection: Connection, key: str, allowed: int, seconds: int, now: float | None = None) -> int:
    """Count one action for `key`; return 0 when allowed, else the seconds until the window ends."""
    now = time.time() if now is None else now
    window = int(now // seconds * seconds)
    hits = limits.hit(connection, key, window)
    if hits == 1 and int(now) % 50 == 0:
        limits.prune(connection, window - 86400)  # now and then, forget day-old windows
    if hits <= allowed:
        return 0
    return max(1, math.ceil(window + seconds - now))
