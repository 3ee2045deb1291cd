"""Service settings, read once from environment variables (production) or given directly (tests, preview).

Environment variables (all optional except where noted for production):

- ``DATABASE_URL``: SQLAlchemy URL. ``sqlite:///path/hall.sqlite3`` (embedded default, WAL) or
  ``postgresql://user:pass@host/db`` (several workers and hosts; ``postgres://`` is accepted too).
  Default: ``sqlite:///hallbuilder-service.sqlite3`` in the current folder.
- ``HALLBUILDER_SECRET_KEY``: signs admin sessions and comment edit tokens. REQUIRED in production and the
  same on every worker and host; without it a random key is made per process (preview only).
- ``HALLBUILDER_CORS_ORIGINS``: comma-separated origins allowed to call ``/api`` from a browser, e.g.
  ``https://cdn.example.org,https://hall.example.org``. Empty: same origin only.
- ``HALLBUILDER_TRUSTED_PROXIES``: comma-separated IP addresses or networks (``10.0.0.0/8``) of reverse
  proxies whose ``X-Forwarded-For`` is believed. Empty: the header is ignored.
- ``HALLBUILDER_RESERVED_NICKNAMES``: comma-separated names visitors may not use (the organisers' names);
  administrator names and admin usernames are always reserved.
- ``HALLBUILDER_COMMENT_LIMIT``: comments per visitor per hour (default 5). This and the other limits take a
  whole number from 1 to 1000000.
- ``HALLBUILDER_HALL_COMMENT_LIMIT``: comments per hall per minute (default 60).
- ``HALLBUILDER_MESSAGE_LIMIT``: messages per visitor per hour (default 3).
- ``HALLBUILDER_LOGIN_LIMIT``: wrong admin passwords checked per account per 15 minutes from browsers that
  have not logged in to it before, and per address before its wait starts doubling (default 10; see
  guard/logins.py).
- ``HALLBUILDER_SESSION_IDLE_HOURS``: an admin or branch login ends after this many hours without a request
  (default 8, from 1 to 168); every login also ends 7 days after it began, at logout, at a password change and at "log out
  everywhere".
- ``HALLBUILDER_NEW_VISITOR_LIMIT``: new visitors (visitor ids or, without one, user agents) one address
  may bring per hour (default 20), and five times that per day; beyond it they count as one visitor.
- ``HALLBUILDER_SECURE_COOKIES``: ``1`` (default) marks admin cookies Secure; ``0`` for plain-http previews.
- ``HALLBUILDER_VIEW_FLUSH_MS``: each worker keeps view beacons in memory and writes them in one
  transaction every this many milliseconds (default 50, at most 60000); statistics of other workers lag by
  up to this long, and a worker killed with ``kill -9`` loses at most its last interval of views (a graceful
  stop loses none). ``0`` writes every view before answering it (see store/viewbuffer.py).

Rate limits live in the database, so they hold across workers and hosts on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from hallbuilder.errors import ServiceError
from hallbuilder.service.numbers import whole_number

DEFAULT_DATABASE_URL = "sqlite:///hallbuilder-service.sqlite3"
MOST_PER_WINDOW = 1_000_000  # any rate limit above this is a typo
LONGEST_IDLE_HOURS = 7 * 24  # every login ends after 7 days anyway (store/housekeeping.py)


@dataclass(frozen=True)
class Limits:
    """How many actions fit in a window, per visitor or per hall."""

    comments_per_hour: int = 5
    hall_comments_per_minute: int = 60
    messages_per_hour: int = 3
    logins_per_15_minutes: int = 10
    new_visitors_per_address_per_hour: int = 20


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32))
    cors_origins: tuple[str, ...] = ()
    trusted_proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    reserved_nicknames: tuple[str, ...] = ()
    limits: Limits = Limits()
    secure_cookies: bool = True
    view_flush_ms: int = 50  # 0: every view written before it is answered
    session_idle_hours: int = 8

    def but(self, **changes: object) -> Settings:
        """A copy with some settings changed (tests, preview)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def whole_number_setting(
    env: Mapping[str, str],
    name: str,
    default: int,
    least: int,
    most: int,
    unit: str = "",
    least_means: str = "",
) -> int:
    """The variable as a whole number from `least` to `most` (`default` when unset), else one line that names
    it, the range and what was set: `HALLBUILDER_COMMENT_LIMIT: expected a whole number from 1 to 1000000,
    got 'five'`. `unit` names what is counted ("hours"), `least_means` what the smallest value does."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    value = whole_number(raw, most)
    if value is None or value < least:
        shown = raw if len(raw) <= 40 else raw[:40] + "…"
        kind = f"a whole number of {unit}" if unit else "a whole number"
        lowest = f"{least} ({least_means})" if least_means else str(least)
        raise ServiceError(f"{name}: expected {kind} from {lowest} to {most}, got {shown!r}")
    return value


def _limit(env: Mapping[str, str], name: str, default: int) -> int:
    return whole_number_setting(env, name, default, 1, MOST_PER_WINDOW)


def parse_networks(values: tuple[str, ...], name: str = "HALLBUILDER_TRUSTED_PROXIES"):
    """`10.0.0.1, 10.1.0.0/16` -> networks; a typo is reported with the variable name."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ServiceError(
                f"{name}: {value!r} is not an IP address or network such as 10.0.0.0/8"
            ) from None
    return tuple(networks)


def normalise_database_url(url: str) -> str:
    """Accept the `postgres://` spelling that hosting providers print; use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if not url.startswith(("sqlite://", "postgresql+psycopg://")):
        raise ServiceError(
            f"DATABASE_URL: expected sqlite:///path/to/file.sqlite3 or postgresql://user@host/db, got {url!r}"
        )
    return url


def from_environment(env: Mapping[str, str] | None = None) -> Settings:
    """Settings from environment variables, each checked with a message naming the variable."""
    env = os.environ if env is None else env
    secret = env.get("HALLBUILDER_SECRET_KEY", "").strip()
    limits = Limits(
        comments_per_hour=_limit(env, "HALLBUILDER_COMMENT_LIMIT", Limits.comments_per_hour),
        hall_comments_per_minute=_limit(
            env, "HALLBUILDER_HALL_COMMENT_LIMIT", Limits.hall_comments_per_minute
        ),
        messages_per_hour=_limit(env, "HALLBUILDER_MESSAGE_LIMIT", Limits.messages_per_hour),
        logins_per_15_minutes=_limit(env, "HALLBUILDER_LOGIN_LIMIT", Limits.logins_per_15_minutes),
        new_visitors_per_address_per_hour=_limit(
            env, "HALLBUILDER_NEW_VISITOR_LIMIT", Limits.new_visitors_per_address_per_hour
        ),
    )
    settings = Settings(
        database_url=normalise_database_url(env.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL),
        cors_origins=_split(env.get("HALLBUILDER_CORS_ORIGINS")),
        trusted_proxies=parse_networks(_split(env.get("HALLBUILDER_TRUSTED_PROXIES"))),
        reserved_nicknames=_split(env.get("HALLBUILDER_RESERVED_NICKNAMES")),
        limits=limits,
        secure_cookies=env.get("HALLBUILDER_SECURE_COOKIES", "1").strip() != "0",
        view_flush_ms=whole_number_setting(
            env,
            "HALLBUILDER_VIEW_FLUSH_MS",
            Settings.view_flush_ms,
            0,
            60_000,
            "milliseconds",
            "write at once",
        ),
        session_idle_hours=whole_number_setting(
            env, "HALLBUILDER_SESSION_IDLE_HOURS", Settings.session_idle_hours, 1, LONGEST_IDLE_HOURS, "hours"
        ),
    )
    return settings.but(secret_key=secret) if secret else settings
