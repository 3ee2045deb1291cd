"""Which visitor a request counts as, for limits, likes, views and daily unique visitors.

1. The viewer's own random id (`X-Visitor-Id`, or `visitor` in a view beacon's body): one per browser,
   kept in its storage; clearing the storage makes a new visitor.
2. Without an id (old viewers, scripts, admin pages): address + user agent, as before ids existed.
3. Each address may bring only so many visitors a day that the service has not seen yet (new ids or new
   user agents) per hour and per day. Beyond that, its further new visitors count as one: the address itself.
   So rotating ids or user agents cannot make hundreds of visitors, and visitors already admitted keep theirs.

Admitted visitors are kept per day as salted hashes (store/visitors.py); this process remembers them, and
the addresses that are out of new visitors, so a known visitor costs no query.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta

from hallbuilder.service.guard import limits
from hallbuilder.service.store import visitors
from hallbuilder.service.store.db import Database

DAY_FACTOR = 5  # new visitors one address may bring per day: this many hours' worth
MEMORY = 100_000  # admitted visitors remembered per process before it starts over


class Admissions:
    """This process's memory of admitted visitors and of addresses out of new ones (both also in the database)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self._admitted: set[tuple[date, str]] = set()
        self._full_until: dict[str, float] = {}
        self._pruned: date | None = None

    def admit(self, database: Database, day: date, visitor: str, address: str, per_hour: int) -> bool:
        """Whether `visitor` (a hash) counts as itself today; False: count it as its `address` (a hash).

        A new visitor is inserted first and counted against its address's cap only if the insert was new, so
        workers admitting the same visitor at once count it once; over the cap, the insert is taken back.
        """
        if (day, visitor) in self._admitted:
            return True
        now = self.clock()
        if self._full_until.get(address, 0.0) > now:
            with database.read() as connection:  # full: only visitors admitted already (by other workers)
                admitted = visitors.known(connection, day, visitor)
        else:
            admitted = self._admit_new(database, day, visitor, address, per_hour, now)
        if admitted:
            self._remember(day, visitor)
        return admitted

    def _admit_new(
        self, database: Database, day: date, visitor: str, address: str, per_hour: int, now: float
    ) -> bool:
        rules = [
            (f"visitors:a:{address}", per_hour, 3600),
            (f"visitors:ad:{address}", per_hour * DAY_FACTOR, 86400),
        ]
        with database.write() as connection:
            if self._pruned != day:
                visitors.forget_before(connection, day - timedelta(days=1))
                self._pruned = day
            if not visitors.admit(connection, day, visitor):
                return True  # admitted before, by this or another worker
            _, wait = limits.first_over(connection, rules, now)
            if wait:
                visitors.refuse(connection, day, visitor)
                self._full(address, now + wait)
            return not wait

    def _remember(self, day: date, visitor: str) -> None:
        if len(self._admitted) >= MEMORY:
            self._admitted.clear()
        self._admitted.add((day, visitor))

    def _full(self, address: str, until: float) -> None:
        if len(self._full_until) >= MEMORY:
            now = self.clock()
            self._full_until = {key: end for key, end in self._full_until.items() if end > now}
        self._full_until[address] = until
