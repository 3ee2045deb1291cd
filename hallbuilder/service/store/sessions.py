"""Admin sessions and trusted browsers, kept on the server so that they can be ended.

Both are looked up by the SHA-256 of a random token the browser holds: the database never holds a usable token.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, or_, select, update

from hallbuilder.service.store import utcnow
from hallbuilder.service.store.tables import sessions, trusted_browsers, users


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(connection: Connection, user_id: int) -> str:
    """A new session for `user_id`; returns the token for the cookie (stored only as its digest)."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    connection.execute(
        sessions.insert().values(id=digest(token), user_id=user_id, created_at=now, last_seen_at=now)
    )
    return token


def find(connection: Connection, token: str, idle_since: datetime, started_since: datetime) -> dict | None:
    """The session row joined with its user, if it was used after `idle_since` and began after
    `started_since`; else None."""
    query = (
        select(users, sessions.c.id.label("session_id"), sessions.c.last_seen_at)
        .join(users, users.c.id == sessions.c.user_id)
        .where(
            sessions.c.id == digest(token),
            sessions.c.last_seen_at > idle_since,
            sessions.c.created_at > started_since,
        )
    )
    row = connection.execute(query).first()
    return dict(row._mapping) if row else None


def touch(connection: Connection, token: str) -> None:
    connection.execute(update(sessions).where(sessions.c.id == digest(token)).values(last_seen_at=utcnow()))


def end(connection: Connection, token: str) -> None:
    connection.execute(delete(sessions).where(sessions.c.id == digest(token)))


def end_all(connection: Connection, user_id: int, keep: str | None = None) -> int:
    """End every session of `user_id` (but the one with token `keep`); returns how many ended."""
    query = delete(sessions).where(sessions.c.user_id == user_id)
    if keep:
        query = query.where(sessions.c.id != digest(keep))
    return connection.execute(query).rowcount


def count(connection: Connection, user_id: int) -> int:
    return len(connection.execute(select(sessions.c.id).where(sessions.c.user_id == user_id)).all())


def forget_expired(connection: Connection, idle_since: datetime, started_since: datetime) -> None:
    connection.execute(
        delete(sessions).where(
            or_(sessions.c.last_seen_at <= idle_since, sessions.c.created_at <= started_since)
        )
    )


def trust_browser(connection: Connection, user_id: int, token: str | None = None) -> str:
    """Remember a browser that logged in to `user_id` (a new token, or `token` refreshed); returns the token."""
    now = utcnow()
    if token and trusted_user(connection, token) == user_id:
        connection.execute(
            update(trusted_browsers).where(trusted_browsers.c.id == digest(token)).values(last_used_at=now)
        )
        return token
    token = secrets.token_urlsafe(32)
    connection.execute(
        trusted_browsers.insert().values(id=digest(token), user_id=user_id, created_at=now, last_used_at=now)
    )
    return token


def trusted_user(connection: Connection, token: str) -> int | None:
    """The user this browser has logged in to before, or None."""
    query = select(trusted_browsers.c.user_id).where(trusted_browsers.c.id == digest(token))
    return connection.scalar(query)


def distrust_all(connection: Connection, user_id: int, keep: str | None = None) -> None:
    query = delete(trusted_browsers).where(trusted_browsers.c.user_id == user_id)
    if keep:
        query = query.where(trusted_browsers.c.id != digest(keep))
    connection.execute(query)


def forget_unused_browsers(connection: Connection, used_since: datetime) -> None:
    connection.execute(delete(trusted_browsers).where(trusted_browsers.c.last_used_at <= used_since))


def session_user(row: dict[str, Any]) -> dict[str, Any]:
    """The user part of a `find()` row."""
    return {key: value for key, value in row.items() if key not in ("session_id", "last_seen_at")}


def end_every_session(connection: Connection, keep: str | None = None) -> int:
    """End the sessions of every account (but the one with token `keep`); returns how many ended."""
    query = delete(sessions)
    if keep:
        query = query.where(sessions.c.id != digest(keep))
    return connection.execute(query).rowcount
