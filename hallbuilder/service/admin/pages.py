"""Login, logout, the dashboard, per-hall settings and the audit log."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, url_for

from hallbuilder.service.admin import blueprint
from hallbuilder.service.admin.auth import (
    BROWSER_COOKIE,
    authenticate,
    log_in,
    log_out,
    login_required,
    signed_in_user,
)
from hallbuilder.service.admin.common import all_halls, audit
from hallbuilder.service.admin.texts import duration, t
from hallbuilder.service.context import service, today
from hallbuilder.service.guard import logins as login_guard
from hallbuilder.service.guard.visitor import client_ip
from hallbuilder.service.store import comments, halls, housekeeping, sessions, users


def _safe_next(target: str | None) -> str:
    """Only same-site paths under /admin: no open redirect."""
    parts = urlsplit(target or "")
    if (
        target is None
        or parts.scheme
        or parts.netloc
        or not parts.path.startswith("/admin")
        or "\\" in target
    ):
        return url_for("admin.dashboard")
    return target


def _login_keys(username: str) -> login_guard.Keys:
    """The keys this attempt counts against (see guard/logins.py); salts are read before any transaction."""
    state = service()
    ip = client_ip(
        request.remote_addr, request.headers.get("X-Forwarded-For"), state.settings.trusted_proxies
    )
    day = today()
    salts = [salt for salt in (state.salt(day), state.salt(day - timedelta(days=1), create=False)) if salt]
    browser = None
    token = request.cookies.get(BROWSER_COOKIE, "")
    if 0 < len(token) <= 100:
        with state.database.read() as connection:
            user = users.by_name(connection, username)
            if user is not None and sessions.trusted_user(connection, token) == user["id"]:
                browser = login_guard.browser_key(token)
    return login_guard.Keys(
        tuple(login_guard.address_key(salt, ip) for salt in salts), login_guard.account_key(username), browser
    )


def _trust_this_browser(response, user: dict) -> None:
    """Remember that this browser logged in to `user`: its later tries get their own budget."""
    with service().database.write() as connection:
        token = sessions.trust_browser(connection, user["id"], request.cookies.get(BROWSER_COOKIE))
    response.set_cookie(
        BROWSER_COOKIE,
        token,
        max_age=int(housekeeping.BROWSER_TRUST.total_seconds()),
        path=url_for("admin.login"),
        secure=service().settings.secure_cookies,
        httponly=True,
        samesite="Strict",
    )


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    error = ""
    if request.method == "POST":
        username, password = request.form.get("username", ""), request.form.get("password", "")
        keys = _login_keys(username)
        with service().database.write() as connection:
            wait, provisional = login_guard.attempt(
                connection, keys, service().settings.limits.logins_per_15_minutes
            )
        if wait.seconds:
            message = t(f"login.wait_{wait.why}", wait=duration(wait.seconds))
            page = render_template("admin/login.html", error=message)
            return page, 429, {"Retry-After": str(wait.seconds)}
        user = authenticate(username, password)
        if user is not None:
            with service().database.write() as connection:
                login_guard.succeeded(connection, provisional)
                users.audit(connection, user["username"], "login", "admin")
            log_in(user)
            response = redirect(_safe_next(request.args.get("next")))
            _trust_this_browser(response, user)
            return response
        error = t("login.wrong")
    return render_template("admin/login.html", error=error), 401 if error else 200


@blueprint.route("/logout", methods=["POST"])
def logout():
    log_out()
    return redirect(url_for("admin.login"))


@blueprint.route("/")
@login_required()
def dashboard():
    if signed_in_user()["role"] == "branch":  # a branch account sees its own showcase only
        return redirect(url_for("branches.home"))
    with service().database.read() as connection:
        counts = {hall["id"]: comments.counts(connection, hall["id"]) for hall in all_halls()}
    return render_template("admin/dashboard.html", halls=all_halls(), counts=counts, user=signed_in_user())


@blueprint.route("/halls/<hall>/moderation", methods=["POST"])
@login_required(role="organiser")
def set_moderation(hall: str):
    mode = request.form.get("mode", "")
    if mode not in halls.MODERATION_MODES:
        abort(400, "Moderation must be 'pre' or 'post'.")
    with service().database.write() as connection:
        if halls.get(connection, hall) is None:
            abort(404, f"There is no hall '{hall}'.")
        halls.set_moderation(connection, hall, mode)
        audit(connection, "moderation", hall, mode)
    flash(f"Hall {hall}: {mode}-moderation.")
    return redirect(url_for("admin.dashboard"))


@blueprint.route("/audit")
@login_required(role="organiser")
def audit_log():
    with service().database.read() as connection:
        entries = users.audit_entries(connection)
    return render_template("admin/audit.html", entries=entries)
