"""Organiser pages: the queue of achievements waiting for approval, approve or reject, branch logins."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError

from hallbuilder.ids import is_id
from hallbuilder.service.admin.auth import hash_password, login_required, signed_in_user
from hallbuilder.service.admin.common import all_halls
from hallbuilder.service.branches import blueprint, store
from hallbuilder.service.context import service
from hallbuilder.service.store import users


@blueprint.route("/queue")
@login_required(role="organiser")
def queue():
    with service().database.read() as connection:
        waiting = [
            item for hall in all_halls() for item in store.listing(connection, hall["id"], status="pending")
        ]
    return render_template("branches/queue.html", waiting=waiting)


@blueprint.route("/<hall>/<branch>/<int(max=4611686018427387904):ident>/review", methods=["POST"])
@login_required(role="organiser")
def decide(hall: str, branch: str, ident: int):
    decision = request.form.get("decision", "")
    if decision not in ("approved", "rejected"):
        abort(400, "Choose approve or reject.")
    reason = (request.form.get("reason") or "").strip()[:500]
    username = signed_in_user()["username"]
    with service().database.write() as connection:
        if not store.review(connection, hall, branch, ident, decision, reason, username):
            abort(404, f"Branch '{branch}' has no achievement {ident} waiting for approval.")
        users.audit(connection, username, f"showcase-{decision[:-1]}", f"{hall}/{branch}/{ident}", reason)
    flash(f"{branch}: achievement {ident} {decision}.")
    return redirect(url_for("branches.queue"))


@blueprint.route("/logins", methods=["GET", "POST"])
@login_required(role="organiser")
def logins():
    """Give a branch a login that opens only that branch's showcase."""
    errors: list[str] = []
    if request.method == "POST":
        hall, branch = request.form.get("hall", ""), request.form.get("branch", "")
        username, password = request.form.get("username", "").strip(), request.form.get("password", "")
        if hall not in {item["id"] for item in all_halls()}:
            errors.append(f"Hall: there is no hall '{hall}'.")
        if not is_id(branch):
            errors.append("Branch: use the branch's folder name (lower-case letters, digits and '-').")
        if not 3 <= len(username) <= 64:
            errors.append("Username: 3 to 64 characters.")
        if len(password) < 10:
            errors.append("Password: at least 10 characters.")
        if not errors:
            try:
                with service().database.write() as connection:
                    users.add(connection, username, hash_password(password), "branch", hall, branch)
                    users.audit(
                        connection, signed_in_user()["username"], "branch-login", f"{hall}/{branch}", username
                    )
            except IntegrityError:
                errors.append(f"Username: '{username}' is taken; choose another.")
            else:
                flash(f"Login '{username}' created for branch {branch} of {hall}.")
                return redirect(url_for("branches.logins"))
    return render_template(
        "branches/logins.html", halls=all_halls(), errors=errors, form=request.form
    ), 400 if errors else 200
