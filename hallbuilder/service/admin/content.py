"""The announcements editor and the sensitive-word lists."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for

from hallbuilder.service.admin import blueprint
from hallbuilder.service.admin.auth import login_required
from hallbuilder.service.admin.common import all_halls, audit, required_hall
from hallbuilder.service.context import service, today
from hallbuilder.service.guard.text import has_controls, visible
from hallbuilder.service.numbers import number_or_400
from hallbuilder.service.sanitize import announcement_html
from hallbuilder.service.store import announcements
from hallbuilder.service.store import words as word_lists


def _date(name: str, required: bool) -> date | None:
    raw = request.form.get(name, "").strip()
    if not raw and not required:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        abort(400, f"{name}: expected a date like 2026-05-01, got {raw!r}.")


@blueprint.route("/announcements")
@login_required(role="organiser")
def announcements_page():
    hall = required_hall()
    raw_edit = request.args.get("edit", "").strip()
    edit_id = number_or_400("edit", raw_edit) if raw_edit else None
    with service().database.read() as connection:
        found = announcements.every(connection, hall)
        editing = announcements.get(connection, edit_id) if edit_id is not None else None
    for item in found:
        item["safe_html"] = announcement_html(item["html"])
    return render_template(
        "admin/announcements.html",
        announcements=found,
        hall=hall,
        halls=all_halls(),
        editing=editing,
        today=today(),
    )


@blueprint.route("/announcements", methods=["POST"])
@login_required(role="organiser")
def save_announcement():
    hall = required_hall()
    title = request.form.get("title", "").strip()
    if not title:
        abort(400, "title: an announcement needs a title.")
    raw_id = request.form.get("id", "").strip()
    announcement_id = number_or_400("id", raw_id) if raw_id else None
    values = {
        "hall_id": hall,
        "title": title[:200],
        "html": announcement_html(request.form.get("html", "")),
        "date": _date("date", True),
        "ends_on": _date("ends_on", False),
        "published": request.form.get("published") == "on",
    }
    with service().database.write() as connection:
        if announcement_id is not None:
            existing = announcements.get(connection, announcement_id)
            if existing is None or existing["hall_id"] != hall:
                abort(404, "There is no such announcement.")
        saved = announcements.save(connection, announcement_id, **values)
        audit(connection, "announcement-save", f"announcement {saved}", title[:80])
    flash("Announcement saved.")
    return redirect(url_for("admin.announcements_page", hall=hall))


@blueprint.route("/announcements/<int:announcement_id>/delete", methods=["POST"])
@login_required(role="organiser")
def delete_announcement(announcement_id: int):
    with service().database.write() as connection:
        existing = announcements.get(connection, announcement_id)
        if existing is None:
            abort(404, "There is no such announcement.")
        announcements.remove(connection, announcement_id)
        audit(connection, "announcement-delete", f"announcement {announcement_id}", existing["title"][:80])
    flash("Announcement deleted.")
    return redirect(url_for("admin.announcements_page", hall=existing["hall_id"]))


def _words(kind: str) -> list[str]:
    """One list from the form, a word a line, invisible characters removed; 400 for control characters."""
    lines = request.form.get(kind, "").splitlines()
    for number, line in enumerate(lines, start=1):
        if has_controls(line):
            abort(
                400, f"{kind} list, line {number}: remove the control character (such as NUL) and save again."
            )
    return [visible(line) for line in lines]


@blueprint.route("/words", methods=["GET", "POST"])
@login_required(role="organiser")
def words_page():
    hall = required_hall()
    if request.method == "POST":
        with service().database.write() as connection:
            for kind in word_lists.KINDS:
                new_words = _words(kind)
                word_lists.replace(connection, hall, kind, [word[:100] for word in new_words])
            audit(connection, "words", hall)
        flash("Word lists saved.")
        return redirect(url_for("admin.words_page", hall=hall))
    with service().database.read() as connection:
        lists = word_lists.lists(connection, hall)
    return render_template("admin/words.html", lists=lists, hall=hall, halls=all_halls())
