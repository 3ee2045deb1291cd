"""Admin users: `organiser` (everything) or `branch` (scoped to one hall's branch), and the audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from hallbuilder.service.store import insert_id, utcnow
from hallbuilder.service.store.tables import audit_log, users

ROLES = ("organiser", "branch")


def add(
    connection: Connection,
    username: str,
    password_hash: str,
    role: str,
    hall_id: str | None = None,
    branch_id: str | None = None,
) -> int:
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}, got {role!r}")
    values = {
        "username": username,
        "password_hash": password_hash,
        "role": role,
        "hall_id": hall_id,
        "branch_id": branch_id,
        "created_at": utcnow(),
    }
    return insert_id(connection, users.insert().values(**values))


def by_name(connection: Connection, username: str) -> dict[str, Any] | None:
    row = connection.execute(select(users).where(users.c.username == username)).first()
    return dict(row._mapping) if row else None


def by_id(connection: Connection, user_id: int) -> dict[str, Any] | None:
    row = connection.execute(select(users).where(users.c.id == user_id)).first()
    return dict(row._mapping) if row else None


def usernames(connection: Connection) -> list[str]:
    return list(connection.scalars(select(users.c.username)))


def set_password(connection: Connection, user_id: int, password_hash: str) -> None:
    connection.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))


def audit(connection: Connection, username: str, action: str, target: str, detail: str = "") -> None:
    values = {
        "username": username,
        "action": action,
        "target": target,
        "detail": detail,
        "created_at": utcnow(),
    }
    connection.execute(audit_log.insert().values(**values))


def audit_entries(connection: Connection, limit: int = 200) -> list[dict[str, Any]]:
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    return [dict(row._mapping) for row in connection.execute(query)]
