"""Rate limits kept in the database: they hold across worker processes, hosts and restarts."""

from __future__ import annotations

import math
import time

from sqlalchemy import Connection

from hallbuilder.service.store import limits

# One address (a Wi-Fi, an office NAT) may use at most a quarter of a hall-wide budget, and four visitors'
# worth of a per-visitor one: a busy address cannot lock everyone else out, a study group still fits.
ADDRESS_SHARE = 4

Rule = tuple[str, int, int]  # (key, allowed, seconds)


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


def first_over(connection: Connection, rules: list[Rule], now: float | None = None) -> tuple[int, int]:
    """Count the action under each rule in turn and stop at the first one it is over: (its index, the wait).

    `(-1, 0)` when every rule allows it. Rules go from the narrowest (one visitor) to the widest (the hall), so
    an action refused for one visitor or one address uses up nothing of the budget everyone shares.
    """
    for index, (key, allowed, seconds) in enumerate(rules):
        wait = check(connection, key, allowed, seconds, now)
        if wait:
            return index, wait
    return -1, 0
