"""Who may use the studio: the page the studio printed (token), or staff who logged in (LAN mode).

Every request first passes localguard (Host and Origin are this server's: no DNS rebinding, no other site's
page). Then:
- on 127.0.0.1, `GET /?token=T` trades the per-run token for an HttpOnly, SameSite=Strict session cookie and
  redirects to `/` (the token leaves the address bar); scripts and tests may send `Authorization: Bearer T`;
- with `--host 0.0.0.0` (a password was required to start), only `/login` works before logging in; the token
  is not accepted, and every write needs the session's CSRF token in `X-CSRF-Token`.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field
from html import escape

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Blueprint, Response, current_app, g, jsonify, redirect, request

from hallbuilder.localguard import flask_refusal
from hallbuilder.studio.errors import StudioError, language
from hallbuilder.studio.messages import say

COOKIE = "hallbuilder_studio"
WRITES = ("POST", "PUT", "PATCH", "DELETE")
OPEN_PATHS = ("/login",)
LOGIN_TRIES = 5  # failed logins per address within LOGIN_WINDOW seconds
LOGIN_WINDOW = 60.0


@dataclass
class Access:
    """The run's secrets: the token printed at start, the password's argon2 hash (LAN mode), the sessions."""

    token: str
    password_hash: str | None = None
    sessions: dict[str, str] = field(default_factory=dict)  # session id → its CSRF token
    failures: dict[str, list[float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def lan(self) -> bool:
        return self.password_hash is not None

    def open_session(self) -> str:
        session = secrets.token_urlsafe(32)
        with self.lock:
            self.sessions[session] = secrets.token_urlsafe(32)
        return session

    def csrf_of(self, session: str | None) -> str | None:
        return self.sessions.get(session or "")

    def wait_before_login(self, address: str) -> int:
        """Seconds this address must wait before trying a password again (0: it may try now)."""
        now = time.monotonic()
        with self.lock:
            recent = [moment for moment in self.failures.get(address, []) if now - moment < LOGIN_WINDOW]
            self.failures[address] = recent
        return int(LOGIN_WINDOW - (now - recent[0])) + 1 if len(recent) >= LOGIN_TRIES else 0

    def check_password(self, address: str, password: str) -> bool:
        try:
            return PasswordHasher().verify(self.password_hash or "", password)
        except (VerificationError, InvalidHashError):
            with self.lock:
                self.failures.setdefault(address, []).append(time.monotonic())
            return False


def access() -> Access:
    return current_app.extensions["studio"].access


def session_cookie(response: Response, session: str) -> Response:
    response.set_cookie(COOKIE, session, httponly=True, samesite="Strict", path="/")
    return response


def bearer_ok(grant: Access) -> bool:
    header = request.headers.get("Authorization", "")
    given = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
    return not grant.lan and bool(given) and hmac.compare_digest(given, grant.token)


def guard() -> Response | None:
    """Run before every request: refuse, or let it through with `g.session` set (None for a script)."""
    reason = flask_refusal()
    if reason:
        raise StudioError(403, "foreign", "foreign", {"reason": reason})
    grant = access()
    token = request.args.get("token")
    if request.method == "GET" and request.path == "/" and token and not grant.lan:
        if hmac.compare_digest(token, grant.token):
            return session_cookie(redirect("/", 303), grant.open_session())
        raise StudioError(401, "no_token", "no_token")
    if request.path in OPEN_PATHS:
        return None
    g.session = request.cookies.get(COOKIE)
    if grant.csrf_of(g.session) is None:
        g.session = None
        if bearer_ok(grant):
            return None
        if request.method == "GET" and request.path == "/":  # a person: a page, not JSON
            return redirect("/login", 303) if grant.lan else plain_page(say("no_token", language()), 401)
        raise StudioError(401, "login" if grant.lan else "no_token", "login" if grant.lan else "no_token")
    if request.method in WRITES and grant.lan:
        sent = request.headers.get("X-CSRF-Token", "")
        if not hmac.compare_digest(sent, grant.csrf_of(g.session) or ""):
            raise StudioError(403, "csrf", "csrf")
    return None


LOGIN_PAGE = """<!doctype html><html lang="{lang}"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>hallbuilder studio</title>
<form method="post" action="/login" style="max-width:22em;margin:4em auto;font:18px sans-serif">
<h1>hallbuilder studio</h1><p role="alert">{message}</p>
<label>{label}<br><input type="password" name="password" autocomplete="current-password" autofocus required
style="font-size:1em;width:100%"></label><p><button type="submit" style="font-size:1em">{button}</button></p>
</form></html>"""
LOGIN_WORDS = {
    "en": {"label": "Password", "button": "Log in"},
    "zh-CN": {"label": "密码", "button": "登录"},
}


def plain_page(message: str, status: int) -> Response:
    page = f'<!doctype html><html lang="{language()}"><meta charset="utf-8"><title>hallbuilder studio</title>'
    return Response(f'{page}<p style="font:18px sans-serif;margin:4em">{escape(message)}</p></html>', status)


def login_page(message: str = "", status: int = 200) -> Response:
    lang = language()
    page = LOGIN_PAGE.format(lang=lang, message=escape(message), **LOGIN_WORDS[lang])
    return Response(page, status=status, mimetype="text/html")


def make_blueprint() -> Blueprint:
    blueprint = Blueprint("security", __name__)

    @blueprint.get("/login")
    def login_form():
        return login_page(say("login", language()) if access().lan else "")

    @blueprint.post("/login")
    def login():
        grant = access()
        is_json = request.is_json
        password = (
            (request.get_json(silent=True) or {}).get("password") if is_json else request.form.get("password")
        )
        address = request.remote_addr or ""
        wait = grant.wait_before_login(address)
        if wait:
            raise StudioError(429, "slow_down", "slow_down", {"seconds": wait})
        if not grant.lan or not isinstance(password, str) or not grant.check_password(address, password):
            if not is_json:
                return login_page(say("bad_password", language()), 401)
            raise StudioError(401, "bad_password", "bad_password")
        session = grant.open_session()
        response = jsonify(csrf=grant.csrf_of(session)) if is_json else redirect("/", 303)
        return session_cookie(response, session)

    return blueprint
