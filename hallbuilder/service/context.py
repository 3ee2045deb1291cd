"""Per-app state (settings, database, salt cache) and the current visitor of a request."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from flask import current_app, g, request

from hallbuilder.service.config import Settings
from hallbuilder.service.guard import visitor as guard
from hallbuilder.service.store import salts
from hallbuilder.service.store.db import Database


@dataclass
class Service:
    """What every view needs, kept in `app.extensions["hallbuilder"]`."""

    settings: Settings
    database: Database
    _salts: dict[date, str | None] = field(default_factory=dict)

    def salt(self, day: date, create: bool = True) -> str | None:
        """The shared salt of `day`; cached per process (every worker reads the same row)."""
        if self._salts.get(day) is None:
            if create:
                with self.database.write() as connection:
                    self._salts[day] = salts.for_day(connection, day)
            else:
                with self.database.read() as connection:
                    self._salts[day] = salts.existing(connection, day)
            if len(self._salts) > 4:
                for old in sorted(self._salts)[:-2]:
                    del self._salts[old]
        return self._salts[day]


def service() -> Service:
    return current_app.extensions["hallbuilder"]


def today() -> date:
    return datetime.now(UTC).date()


@dataclass(frozen=True)
class Visitor:
    """The visitor of this request: the address is used here and never stored."""

    ip: str
    user_agent: str
    day: date
    hash: str
    hashes_48h: tuple[str, ...]  # today's and, while its salt lives, yesterday's
    is_bot: bool
    is_prefetch: bool


def current_visitor() -> Visitor:
    if "visitor" not in g:
        state = service()
        ip = guard.client_ip(
            request.remote_addr, request.headers.get("X-Forwarded-For"), state.settings.trusted_proxies
        )
        user_agent = request.headers.get("User-Agent", "")
        day = today()
        current = guard.visitor_hash(state.salt(day) or "", ip, user_agent)
        previous_salt = state.salt(day - timedelta(days=1), create=False)
        previous = (guard.visitor_hash(previous_salt, ip, user_agent),) if previous_salt else ()
        g.visitor = Visitor(
            ip,
            user_agent,
            day,
            current,
            (current, *previous),
            guard.is_bot(user_agent),
            guard.is_prefetch(request.headers),
        )
    return g.visitor
