"""All SQL of branch self-service: submitted achievements and their photos, always scoped to hall and branch.

Every function takes the hall and the branch, so a query can never reach another branch's rows by id alone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, select, update

from hallbuilder.service.store import insert_id, utcnow
from hallbuilder.service.store.tables import branches, showcase_photos, showcase_submissions

STATUSES = ("pending", "approved", "rejected")
S = showcase_submissions
P = showcase_photos


def branch_name(connection: Connection, hall: str, branch: str) -> str | None:
    query = select(branches.c.name).where(branches.c.hall_id == hall, branches.c.id == branch)
    return connection.scalar(query)


def branches_of(connection: Connection, hall: str) -> list[dict[str, Any]]:
    query = select(branches).where(branches.c.hall_id == hall).order_by(branches.c.id)
    return [dict(row._mapping) for row in connection.execute(query)]


def add(connection: Connection, hall: str, branch: str, fields: dict[str, Any], username: str) -> int:
    now = utcnow()
    values = {**fields, "hall_id": hall, "branch_id": branch, "status": "pending", "reason": ""}
    values |= {"submitted_by": username, "created_at": now, "updated_at": now}
    return insert_id(connection, S.insert().values(**values))


def update_fields(
    connection: Connection, hall: str, branch: str, ident: int, fields: dict[str, Any], username: str
) -> None:
    """Change an achievement; it waits for approval again (the approved version leaves the next build)."""
    values = {**fields, "status": "pending", "reason": "", "submitted_by": username, "updated_at": utcnow()}
    connection.execute(update(S).where(*_scope(hall, branch), S.c.id == ident).values(**values))


def get(connection: Connection, hall: str, branch: str, ident: int) -> dict[str, Any] | None:
    row = connection.execute(select(S).where(*_scope(hall, branch), S.c.id == ident)).first()
    if row is None:
        return None
    return {**row._mapping, "photos": photo_list(connection, ident)}


def listing(
    connection: Connection, hall: str, branch: str | None = None, status: str | None = None
) -> list[dict[str, Any]]:
    """Achievements of a branch (or of every branch of the hall), newest date first, with photo ids."""
    query = select(S).where(S.c.hall_id == hall)
    if branch is not None:
        query = query.where(S.c.branch_id == branch)
    if status is not None:
        query = query.where(S.c.status == status)
    rows = [dict(row._mapping) for row in connection.execute(query.order_by(S.c.date.desc(), S.c.id.desc()))]
    for row in rows:
        row["photos"] = photo_list(connection, row["id"])
    return rows


def review(
    connection: Connection, hall: str, branch: str, ident: int, status: str, reason: str, username: str
) -> bool:
    """Approve or reject a pending achievement; False when there is no such pending one."""
    if status not in ("approved", "rejected"):
        raise ValueError(f"status must be approved or rejected, got {status!r}")
    values = {"status": status, "reason": reason, "reviewed_by": username, "reviewed_at": utcnow()}
    query = update(S).where(*_scope(hall, branch), S.c.id == ident, S.c.status == "pending").values(**values)
    return connection.execute(query).rowcount == 1


def remove(connection: Connection, hall: str, branch: str, ident: int) -> bool:
    ids = select(S.c.id).where(*_scope(hall, branch), S.c.id == ident).scalar_subquery()
    connection.execute(delete(P).where(P.c.submission_id == ids))
    return connection.execute(delete(S).where(*_scope(hall, branch), S.c.id == ident)).rowcount == 1


def add_photo(
    connection: Connection, submission: int, mime: str, width: int, height: int, data: bytes
) -> int:
    values = {"submission_id": submission, "mime": mime, "width": width, "height": height, "data": data}
    return insert_id(connection, P.insert().values(**values, created_at=utcnow()))


def photo_list(connection: Connection, submission: int) -> list[dict[str, Any]]:
    query = select(P.c.id, P.c.mime, P.c.width, P.c.height).where(P.c.submission_id == submission)
    return [dict(row._mapping) for row in connection.execute(query.order_by(P.c.id))]


def photo(
    connection: Connection, hall: str, branch: str, ident: int, approved_only: bool = False
) -> dict[str, Any] | None:
    """A photo with its bytes, only when it belongs to this hall's branch (and is approved, if asked)."""
    query = select(P).join(S, S.c.id == P.c.submission_id).where(*_scope(hall, branch), P.c.id == ident)
    if approved_only:
        query = query.where(S.c.status == "approved")
    row = connection.execute(query).first()
    return dict(row._mapping) if row else None


def remove_photos(connection: Connection, submission: int, ids: list[int]) -> None:
    if ids:
        connection.execute(delete(P).where(P.c.submission_id == submission, P.c.id.in_(ids)))


def _scope(hall: str, branch: str) -> tuple:
    return S.c.hall_id == hall, S.c.branch_id == branch
