"""How many wrong admin passwords are checked, and from where (the device-cookie scheme of OWASP's
"Slow down online guessing attacks with device cookies").

Each wrong password counts against hashed keys, never against a raw address or name:

- **address** (an IPv4 address, or the /64 of an IPv6 one), keyed with the daily salt: `limit` wrong passwords
  are free, then each further one doubles the wait after it (30 s, 1 min, 2 min ... at most 1 hour), counted
  over 24 hours. An attacker's wait grows with every guess; it grows only for the attacker's address.
- **account** (the typed username, folded; unknown names alike, so a lock reveals nothing): at most `limit`
  wrong passwords from browsers that never logged in to it are checked in any 15 minutes, from anywhere.
  Beyond that the password is not checked at all until the oldest failure is 15 minutes old.
- **trusted browser**: a browser that once logged in to the account carries a random token (cookie). Its tries
  count against that token alone, with the address rule's doubling, and neither the account lock nor the
  address wait applies to it. So an attacker who locks the account from many addresses still cannot keep the
  organiser out of their usual browser; a new browser waits at most 15 minutes after the attack stops.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection

from hallbuilder.service.store import logins, utcnow

ACCOUNT_WINDOW = timedelta(minutes=15)
ADDRESS_WINDOW = timedelta(hours=24)
FIRST_WAIT = 30
LONGEST_WAIT = 3600


@dataclass(frozen=True)
class Keys:
    """The keys one login attempt counts against; `addresses` are today's and, while it lives, yesterday's
    hash of the same address (so that midnight does not wipe an attacker's wait)."""

    addresses: tuple[str, ...]
    account: str
    browser: str | None = None


@dataclass(frozen=True)
class Wait:
    seconds: int
    why: str = ""  # "address", "account" or "browser"


def network(ip: str) -> str:
    """The unit an address limit counts: the address for IPv4, its /64 for IPv6 (one customer's block)."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def address_key(salt: str, ip: str) -> str:
    message = f"login-address\n{network(ip)}".encode()
    return "a:" + hmac.new(salt.encode(), message, hashlib.sha256).hexdigest()[:32]


def account_key(username: str) -> str:
    return "u:" + hashlib.sha256(f"login-account\n{username.strip().casefold()}".encode()).hexdigest()[:32]


def browser_key(token: str) -> str:
    return "b:" + hashlib.sha256(f"login-browser\n{token}".encode()).hexdigest()[:32]


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(0, math.ceil((moment - now).total_seconds()))


def doubling_wait(failures: list[datetime], limit: int, now: datetime) -> int:
    """`limit` failures free, then FIRST_WAIT after the next, doubling with each one, at most LONGEST_WAIT."""
    extra = len(failures) - limit
    if extra < 0:
        return 0
    wait = min(LONGEST_WAIT, FIRST_WAIT * 2 ** min(extra, 20))
    return _seconds_until(max(failures) + timedelta(seconds=wait), now)


def window_wait(failures: list[datetime], limit: int, now: datetime) -> int:
    """0 while fewer than `limit` failures lie in the window, else until enough of them have aged out."""
    if len(failures) < limit:
        return 0
    return _seconds_until(sorted(failures)[len(failures) - limit] + ACCOUNT_WINDOW, now)


def wait(connection: Connection, keys: Keys, limit: int) -> Wait:
    """How long this attempt must wait before its password may be checked (0: check it now)."""
    now = utcnow()
    if keys.browser:
        seconds = doubling_wait(logins.times(connection, keys.browser, now - ADDRESS_WINDOW), limit, now)
        return Wait(seconds, "browser" if seconds else "")
    failures = [at for key in keys.addresses for at in logins.times(connection, key, now - ADDRESS_WINDOW)]
    if seconds := doubling_wait(failures, limit, now):
        return Wait(seconds, "address")
    if seconds := window_wait(logins.times(connection, keys.account, now - ACCOUNT_WINDOW), limit, now):
        return Wait(seconds, "account")
    return Wait(0)


def attempt(connection: Connection, keys: Keys, limit: int) -> tuple[Wait, list[int]]:
    """Check the limits and, when the password may be checked, count it as wrong already (ids returned).

    Counting before the slow password check, under a lock, means that parallel requests cannot all slip
    through on the same count; `succeeded()` takes the provisional failure back.
    """
    logins.lock(connection)
    found = wait(connection, keys, limit)
    if found.seconds:
        return found, []
    return found, logins.record(
        connection, [keys.browser] if keys.browser else [keys.addresses[0], keys.account]
    )


def succeeded(connection: Connection, failure_ids: list[int]) -> None:
    logins.forget(connection, failure_ids)
