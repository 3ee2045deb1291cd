"""The moderation queue: approve, reject, mark spam or delete comments in bulk; every action audited."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for

from hallbuilder.service.admin import blueprint
from hallbuilder.service.admin.auth import login_required
from hallbuilder.service.admin.common import all_halls, audit, form_ids, selected_hall
from hallbuilder.service.admin.exports import to_csv
from hallbuilder.service.context import service
from hallbuilder.service.store import comments

ACTIONS = {"approve": "published", "reject": "rejected", "spam": "spam", "delete": "deleted"}


@blueprint.route("/queue")
@login_required(role="organiser")
def queue():
    hall = selected_hall()
    status = request.args.get("status", "pending")
    if status not in comments.STATUSES:
        abort(400, f"Unknown status {status!r}.")
    with service().database.read() as connection:
        found = comments.queue(connection, hall, status)
        counts = comments.counts(connection, hall)
    return render_template(
        "admin/queue.html",
        comments=found,
        counts=counts,
        status=status,
        hall=hall,
        halls=all_halls(),
        statuses=comments.STATUSES,
    )


@blueprint.route("/queue", methods=["POST"])
@login_required(role="organiser")
def moderate():
    action = request.form.get("action", "")
    if action not in ACTIONS:
        abort(400, f"Unknown action {action!r}: use approve, reject, spam or delete.")
    ids = form_ids()
    with service().database.write() as connection:
        changed = comments.set_status(connection, ids, ACTIONS[action]) if ids else 0
        if changed:
            audit(connection, action, "comments " + ",".join(map(str, ids)), f"{changed} changed")
    flash(f"{action}: {changed} comment(s).")
    return redirect(
        url_for(
            "admin.queue", status=request.form.get("status", "pending"), hall=request.form.get("hall") or None
        )
    )


@blueprint.route("/comments.csv")
@login_required(role="organiser")
def comments_csv():
    hall = selected_hall()
    status = request.args.get("status", "published")
    if status not in comments.STATUSES:
        abort(400, f"Unknown status {status!r}.")
    with service().database.read() as connection:
        found = comments.queue(connection, hall, status, limit=100_000)
    rows = (
        [
            c["id"],
            c["hall_id"],
            c["scene"] or "",
            c["nickname"],
            c["text"],
            c["status"],
            c["created_at"].isoformat(timespec="seconds") + "Z",
        ]
        for c in found
    )
    body = to_csv(["id", "hall", "scene", "nickname", "text", "status", "created_at"], rows)
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="comments-{status}.csv"'},
    )
