"""Login, logout, the dashboard, per-hall settings and the audit log."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, url_for

from hallbuilder.service.admin import blueprint
from hallbuilder.service.admin.auth import authenticate, current_user, log_in, login_required
from hallbuilder.service.admin.common import all_halls, audit
from hallbuilder.service.context import current_visitor, service
from hallbuilder.service.guard import limits
from hallbuilder.service.store import comments, halls, users


def _safe_next(target: str | None) -> str:
    """Only same-site paths under /admin: no open redirect."""
    parts = urlsplit(target or "")
    if parts.scheme or parts.netloc or not parts.path.startswith("/admin") or "\\" in (target or ""):
        return url_for("admin.dashboard")
    return target


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    error = ""
    if request.method == "POST":
        allowed = service().settings.limits.logins_per_15_minutes
        key = f"login:v:{current_visitor().hash}"  # before the transaction: it may create the day's salt
        with service().database.write() as connection:
            wait = limits.check(connection, key, allowed, 900)
        if wait:
            page = render_template("admin/login.html", error=f"Too many attempts: wait {wait} seconds.")
            return page, 429, {"Retry-After": str(wait)}
        user = authenticate(request.form.get("username", ""), request.form.get("password", ""))
        if user is not None:
            log_in(user)
            with service().database.write() as connection:
                users.audit(connection, user["username"], "login", "admin")
            return redirect(_safe_next(request.args.get("next")))
        error = "Wrong username or password."
    return render_template("admin/login.html", error=error), 401 if error else 200


@blueprint.route("/logout", methods=["POST"])
def logout():
    from flask import session

    session.clear()
    return redirect(url_for("admin.login"))


@blueprint.route("/")
@login_required()
def dashboard():
    if current_user()["role"] == "branch":  # a branch account sees its own showcase only
        return redirect(url_for("branches.home"))
    with service().database.read() as connection:
        counts = {hall["id"]: comments.counts(connection, hall["id"]) for hall in all_halls()}
    return render_template("admin/dashboard.html", halls=all_halls(), counts=counts, user=current_user())


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
