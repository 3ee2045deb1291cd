"""Per-app state (settings, database, salt and hall caches, view buffer) and the current visitor of a request."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask import current_app, g, request

from hallbuilder.service.config import Settings
from hallbuilder.service.guard import visitor as guard
from hallbuilder.service.guard.identity import Admissions
from hallbuilder.service.guard.salting import daily_salt
from hallbuilder.service.schedule import Every
from hallbuilder.service.store import halls, housekeeping, salts, views
from hallbuilder.service.store.db import Database
from hallbuilder.service.store.viewbuffer import Row, ViewBuffer

log = logging.getLogger(__name__)


@dataclass
class Service:
    """What every view needs, kept in `app.extensions["hallbuilder"]`."""

    settings: Settings
    database: Database
    _salts: dict[date, str | None] = field(default_factory=dict)
    _halls: dict[str, tuple[float, dict[str, Any]]] = field(default_factory=dict)
    hall_seconds: float = 10.0
    housekeeping_seconds: float = 3600.0
    view_buffer: ViewBuffer | None = None
    housekeeper: Every | None = None
    admissions: Admissions = field(default_factory=Admissions)
    warned_proxy: bool = False

    def __post_init__(self) -> None:
        if self.settings.view_flush_ms:
            interval = self.settings.view_flush_ms / 1000
            self.view_buffer = ViewBuffer(self._write_views, interval, refusals=self.database.refusals)
        self.housekeeper = Every(self.forget_old_records, self.housekeeping_seconds)

    def record_view(self, row: Row) -> None:
        """Buffered and written within HALLBUILDER_VIEW_FLUSH_MS, or at once when it is 0."""
        if self.view_buffer is not None:
            self.view_buffer.add(row)
            return
        with self.database.raw_count() as cursor:
            views.record_raw(cursor, self.database.is_sqlite, *row)

    def flush_views(self) -> None:
        """Before reading statistics: this process's buffered views first (the rest lag one interval)."""
        if self.view_buffer is not None:
            self.view_buffer.flush()

    def _write_views(self, rows: list[Row]) -> None:
        with self.database.raw_batch() as cursor:
            views.record_batch_raw(cursor, self.database.is_sqlite, rows)

    def close(self) -> None:
        """Write buffered views, stop the flush and housekeeping threads, close the database connections."""
        if self.view_buffer is not None:
            self.view_buffer.close()
        if self.housekeeper is not None:
            self.housekeeper.close()
        self.database.dispose()

    def salt(self, day: date, create: bool = True) -> str | None:
        """The salt of `day` (see guard/salting.py), from the seed every worker shares; cached per process
        while the seed lives (today and yesterday), None once it is gone."""
        if day < today() - timedelta(days=salts.KEEP_DAYS - 1):
            return None
        if day not in self._salts or (create and self._salts[day] is None):
            seed: str | None
            if create:
                with self.database.write() as connection:
                    seed = salts.for_day(connection, day)
            else:
                with self.database.read() as connection:
                    seed = salts.existing(connection, day)
            self._salts[day] = daily_salt(self.settings.secret_key, seed) if seed else None
        self._forget_cached_salts()
        return self._salts.get(day)

    def _forget_cached_salts(self) -> None:
        oldest = today() - timedelta(days=salts.KEEP_DAYS - 1)
        for old in [day for day in list(self._salts) if day < oldest]:
            self._salts.pop(old, None)  # the housekeeping thread may get here at the same time

    def forget_old_records(self) -> None:
        """Delete what must not outlive its use: seeds past 48 hours (in memory too), expired sessions, old
        login failures and rate-limit windows. Run by the housekeeping thread of every worker, hourly and just
        after midnight, so that nothing waits for a visitor to come (a new day's first salt deletes old seeds
        as well)."""
        self._forget_cached_salts()
        with self.database.write() as connection:
            housekeeping.forget(connection, today(), self.settings.session_idle_hours)

    def hall(self, hall_id: str, fresh: bool = False) -> dict[str, Any] | None:
        """The hall with `scenes` and `branches` sets, cached for `hall_seconds` (views need no extra query).

        Unknown halls are not cached; a newly registered scene reaches every worker within `hall_seconds`.
        """
        cached = self._halls.get(hall_id)
        if cached and not fresh and cached[0] > time.monotonic():
            return cached[1]
        with self.database.read() as connection:
            found = halls.get(connection, hall_id)
            if found is None:
                self._halls.pop(hall_id, None)
                return None
            found["scenes"] = frozenset(halls.scene_ids(connection, hall_id))
            found["branches"] = frozenset(halls.branch_ids(connection, hall_id))
        if len(self._halls) > 1000:
            self._halls.clear()
        self._halls[hall_id] = (time.monotonic() + self.hall_seconds, found)
        return found


def service() -> Service:
    return current_app.extensions["hallbuilder"]


def today() -> date:
    return datetime.now(UTC).date()


@dataclass(frozen=True)
class Visitor:
    """The visitor of this request (guard/identity.py): the address and the id are used here, never stored."""

    ip: str
    user_agent: str
    day: date
    hash: str  # what views, likes, comments and per-visitor limits are keyed by
    is_bot: bool
    is_prefetch: bool
    address: str = ""  # the salted hash of the address (an IPv6 /64): per-address limits
    kind: str = "browser"  # "id" (the viewer's visitor id), "browser" (address + user agent) or "address"
    material: str = ""  # what `hash` is the salted hash of

    def hashes_48h(self) -> tuple[str, ...]:
        """Today's hash and, while yesterday's salt lives, yesterday's (for the 24-hour duplicate check)."""
        previous_salt = service().salt(self.day - timedelta(days=1), create=False)
        if not previous_salt:
            return (self.hash,)
        return (self.hash, guard.keyed_hash(previous_salt, self.material))


def current_visitor(body_id: object = None) -> Visitor:
    """The visitor of this request, worked out once (it may write: call it outside a transaction).

    `body_id` is the visitor id of a body that cannot carry headers (a `navigator.sendBeacon` view).
    """
    if "visitor" not in g:
        state = service()
        forwarded_for = request.headers.get("X-Forwarded-For")
        ip = guard.client_ip(request.remote_addr, forwarded_for, state.settings.trusted_proxies)
        _warn_about_an_untrusted_proxy(state, forwarded_for)
        user_agent = request.headers.get("User-Agent", "")
        day = today()
        salt = state.salt(day) or ""
        address = guard.keyed_hash(salt, guard.address_material(ip))
        visitor_id = guard.visitor_id(request.headers.get(guard.VISITOR_ID_HEADER)) or guard.visitor_id(
            body_id
        )
        if visitor_id:
            kind, material = "id", guard.id_material(visitor_id)
        else:
            kind, material = "browser", guard.browser_material(ip, user_agent)
        current = guard.keyed_hash(salt, material)
        per_hour = state.settings.limits.new_visitors_per_address_per_hour
        if not state.admissions.admit(state.database, day, current, address, per_hour):
            kind, material, current = "address", guard.address_material(ip), address
        g.visitor = Visitor(
            ip,
            user_agent,
            day,
            current,
            guard.is_bot(user_agent),
            guard.is_prefetch(request.headers),
            address=address,
            kind=kind,
            material=material,
        )
    return g.visitor


def _warn_about_an_untrusted_proxy(state: Service, forwarded_for: str | None) -> None:
    """Once per process: behind a proxy that is not trusted, all visitors would share the proxy's address."""
    if state.warned_proxy or not guard.untrusted_proxy(
        request.remote_addr, forwarded_for, state.settings.trusted_proxies
    ):
        return
    state.warned_proxy = True
    log.warning(
        "Requests come through a proxy at %s, but HALLBUILDER_TRUSTED_PROXIES is empty: every visitor "
        "has the proxy's address, so they share the per-address limits. Set "
        "HALLBUILDER_TRUSTED_PROXIES=%s (see docs/service.md, Visitor identity).",
        request.remote_addr,
        request.remote_addr,
    )
