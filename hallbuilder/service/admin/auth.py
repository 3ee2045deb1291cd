"""Reusable admin auth: argon2 passwords, the current user, `login_required(role=...)`, CSRF tokens.

Sessions live on the server (store/sessions.py): the signed Flask cookie carries only a random token, so
logout, a password change or "log out everywhere" ends a session even in a copy of the cookie, and an idle one
ends after HALLBUILDER_SESSION_IDLE_HOURS. The branch self-service pages build on these: a `branch` user
carries `hall_id` and `branch_id`.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from flask import abort, g, redirect, request, session, url_for

from hallbuilder.service.context import service
from hallbuilder.service.store import housekeeping, sessions, users, utcnow

_hasher = PasswordHasher()
# Compared against when the user does not exist, so timing does not reveal valid usernames.
_DUMMY_HASH = _hasher.hash("not a password")
TOUCH_EVERY = timedelta(minutes=1)
BROWSER_COOKIE = "hallbuilder_browser"  # a browser that logged in before (guard/logins.py), Path=/admin/login  # a session's last use is written at most once a minute


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, InvalidHashError):
        return False


def authenticate(username: str, password: str) -> dict[str, Any] | None:
    """The user with this username and password, else None (rehashing old parameters on the way)."""
    with service().database.read() as connection:
        user = users.by_name(connection, username)
    if not verify_password(user["password_hash"] if user else None, password) or user is None:
        return None
    if _hasher.check_needs_rehash(user["password_hash"]):
        with service().database.write() as connection:
            users.set_password(connection, user["id"], hash_password(password))
    return user


def _session_limits() -> tuple[datetime, datetime]:
    """(used after, began after): a session older on either count has ended."""
    now = utcnow()
    idle = timedelta(hours=service().settings.session_idle_hours)
    return now - idle, now - housekeeping.SESSION_LONGEST


def log_in(user: dict[str, Any]) -> None:
    """A new server-side session (a fresh cookie: no fixation); the cookie holds only its random token."""
    session.clear()
    with service().database.write() as connection:
        session["sid"] = sessions.start(connection, user["id"])
    session["csrf"] = secrets.token_urlsafe(32)


def log_out() -> None:
    """End this browser's session on the server: a copy of the cookie no longer logs anyone in."""
    token = session.get("sid")
    if isinstance(token, str):
        with service().database.write() as connection:
            sessions.end(connection, token)
    session.clear()
    g.pop("user", None)


def current_user() -> dict[str, Any] | None:
    """The user of this request's session, if it has not ended (logout, idle, password change, ...)."""
    if "user" not in g:
        token = session.get("sid")
        found = None
        if isinstance(token, str):
            idle_since, started_since = _session_limits()
            with service().database.read() as connection:
                found = sessions.find(connection, token, idle_since, started_since)
            if found is None:
                session.pop("sid", None)  # ended on the server: the browser forgets it too
            elif found["last_seen_at"] < utcnow() - TOUCH_EVERY:
                with service().database.write() as connection:
                    sessions.touch(connection, token)
        g.user = sessions.session_user(found) if found else None
    return g.user


def signed_in_user() -> dict[str, Any]:
    """The user of a view under `login_required()`; a view that forgot the decorator answers 401, not 500."""
    user = current_user()
    if user is None:
        abort(401, "Log in first.")
    return user


def session_token() -> str | None:
    token = session.get("sid")
    return token if isinstance(token, str) else None


def login_required(role: str | None = None) -> Callable:
    """Redirect to the login page when nobody is logged in; 403 when `role` is given and not held.

    Organisers hold every role; `branch` users only `branch`.
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args, **kwargs):
            user = current_user()
            if user is None:
                return redirect(url_for("admin.login", next=request.full_path))
            if role is not None and user["role"] != "organiser" and user["role"] != role:
                abort(403, "Your account cannot open this page.")
            return view(*args, **kwargs)

        return wrapper

    return decorate


def csrf_token() -> str:
    """The session's CSRF token (made on first use), for `<input name="csrf_token">` in every form."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf() -> None:
    """400 unless a POST carries the session's token; call before any state-changing admin view."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    sent = request.form.get("csrf_token", "")
    expected = session.get("csrf", "")
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        abort(
            400,
            "The form expired or did not come from this site (CSRF check). Reload the page and try again.",
        )
