"""Deleting what must not outlive its use, in one transaction (see Service.forget_old_records)."""

from __future__ import annotations

import time
from datetime import date, timedelta

from sqlalchemy import Connection

from hallbuilder.service.store import limits, logins, salts, sessions, utcnow

SESSION_LONGEST = timedelta(days=7)  # a login ends a week after it began, however busy
BROWSER_TRUST = timedelta(days=90)  # a browser unused for this long must log in as a new one
FAILURE_MEMORY = timedelta(hours=24)  # the longest window a login limit looks back over


def forget(connection: Connection, today: date, session_idle_hours: int) -> None:
    now = utcnow()
    salts.forget_before(connection, today - timedelta(days=salts.KEEP_DAYS - 1))
    sessions.forget_expired(connection, now - timedelta(hours=session_idle_hours), now - SESSION_LONGEST)
    sessions.forget_unused_browsers(connection, now - BROWSER_TRUST)
    logins.forget_before(connection, now - FAILURE_MEMORY)
    limits.prune(connection, int(time.time()) - 86400 - 3600)  # windows are at most an hour long
