"""The account page of every login (organiser or branch): change the password, log out everywhere.

Both end sessions on the server (store/sessions.py). Organisers may also log every account out.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from hallbuilder.service.admin import blueprint
from hallbuilder.service.admin.auth import (
    BROWSER_COOKIE,
    hash_password,
    log_out,
    login_required,
    session_token,
    signed_in_user,
    verify_password,
)
from hallbuilder.service.admin.texts import t
from hallbuilder.service.context import service
from hallbuilder.service.store import sessions, users


def _page(errors: list[str], status: int = 200):
    user = signed_in_user()
    with service().database.read() as connection:
        count = sessions.count(connection, user["id"])
    page = render_template(
        "admin/account.html",
        user=user,
        count=count,
        errors=errors,
        idle_hours=service().settings.session_idle_hours,
    )
    return page, status


@blueprint.route("/account")
@login_required()
def account():
    return _page([])


@blueprint.route("/account/password", methods=["POST"])
@login_required()
def change_password():
    """A new password ends every other session and forgets every other trusted browser of the account."""
    user = signed_in_user()
    new = request.form.get("new_password", "")
    errors = []
    if not verify_password(user["password_hash"], request.form.get("current_password", "")):
        errors.append(t("password.wrong_current"))
    elif len(new) < 10:
        errors.append(t("password.too_short"))
    elif new != request.form.get("repeat_password", ""):
        errors.append(t("password.mismatch"))
    if errors:
        return _page(errors, 400)
    with service().database.write() as connection:
        users.set_password(connection, user["id"], hash_password(new))
        ended = sessions.end_all(connection, user["id"], keep=session_token())
        sessions.distrust_all(connection, user["id"], keep=request.cookies.get(BROWSER_COOKIE))
        users.audit(connection, user["username"], "password", user["username"], f"{ended} session(s) ended")
    flash(t("password.changed", count=ended))
    return redirect(url_for("admin.account"))


@blueprint.route("/account/logout-everywhere", methods=["POST"])
@login_required()
def logout_everywhere():
    """End every session of this account, this browser's included; only this browser stays trusted."""
    user = signed_in_user()
    with service().database.write() as connection:
        ended = sessions.end_all(connection, user["id"])
        sessions.distrust_all(connection, user["id"], keep=request.cookies.get(BROWSER_COOKIE))
        users.audit(
            connection, user["username"], "logout-everywhere", user["username"], f"{ended} session(s)"
        )
    log_out()
    flash(t("everywhere.done", count=ended))
    return redirect(url_for("admin.login"))


@blueprint.route("/account/logout-every-account", methods=["POST"])
@login_required(role="organiser")
def logout_every_account():
    """End the sessions of every account, organisers and branches, except this browser's own."""
    user = signed_in_user()
    with service().database.write() as connection:
        ended = sessions.end_every_session(connection, keep=session_token())
        users.audit(
            connection, user["username"], "logout-every-account", "every account", f"{ended} session(s)"
        )
    flash(t("everyone.done", count=ended))
    return redirect(url_for("admin.account"))
