"""The messages inbox: read only here; mark read or replied."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from hallbuilder.service.admin import blueprint
from hallbuilder.service.admin.auth import login_required
from hallbuilder.service.admin.common import all_halls, audit, form_ids, selected_hall
from hallbuilder.service.context import service
from hallbuilder.service.store import messages


@blueprint.route("/messages")
@login_required(role="organiser")
def inbox():
    hall = selected_hall()
    with service().database.read() as connection:
        found = messages.inbox(connection, hall)
    return render_template("admin/messages.html", messages=found, hall=hall, halls=all_halls())


@blueprint.route("/messages", methods=["POST"])
@login_required(role="organiser")
def mark_messages():
    what = request.form.get("mark", "")
    if what not in ("read", "replied"):
        abort(400, "Mark messages as 'read' or 'replied'.")
    ids = form_ids()
    with service().database.write() as connection:
        changed = messages.mark(connection, ids, what) if ids else 0
        if changed:
            audit(connection, f"message-{what}", "messages " + ",".join(map(str, ids)))
    flash(f"{changed} message(s) marked {what}.")
    return redirect(url_for("admin.inbox", hall=request.form.get("hall") or None))
