"""A branch's own pages: its achievements with their status, a form to add one, editing, photos."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for

from hallbuilder.service.admin.auth import login_required, signed_in_user
from hallbuilder.service.branches import blueprint, store
from hallbuilder.service.branches.access import home_of, require_branch
from hallbuilder.service.branches.forms import read_form
from hallbuilder.service.context import service
from hallbuilder.service.numbers import numbers_or_400
from hallbuilder.service.store import users


@blueprint.route("/")
@login_required()
def home():
    """Branch accounts go to their branch; organisers to the approval queue."""
    home = home_of(signed_in_user())
    if home:
        return redirect(url_for("branches.branch", hall=home[0], branch=home[1]))
    if signed_in_user()["role"] != "organiser":
        abort(403, "Your account cannot open this page.")
    return redirect(url_for("branches.queue"))


@blueprint.route("/<hall>/<branch>/")
@login_required()
def branch(hall: str, branch: str):
    require_branch(hall, branch)
    with service().database.read() as connection:
        achievements = store.listing(connection, hall, branch)
        name = store.branch_name(connection, hall, branch) or branch
    return render_template(
        "branches/branch.html",
        hall=hall,
        branch=branch,
        name=name,
        achievements=achievements,
        form={},
        errors=[],
    )


@blueprint.route("/<hall>/<branch>/", methods=["POST"])
@login_required()
def add(hall: str, branch: str):
    user = require_branch(hall, branch)
    form = read_form(request.form, request.files)
    if not form.ok:
        with service().database.read() as connection:
            achievements = store.listing(connection, hall, branch)
            name = store.branch_name(connection, hall, branch) or branch
        page = render_template(
            "branches/branch.html",
            hall=hall,
            branch=branch,
            name=name,
            achievements=achievements,
            form=request.form,
            errors=form.errors,
        )
        return page, 400
    with service().database.write() as connection:
        ident = store.add(connection, hall, branch, form.values, user["username"])
        for photo in form.photos:
            store.add_photo(connection, ident, photo.mime, photo.width, photo.height, photo.data)
        users.audit(connection, user["username"], "showcase-add", f"{hall}/{branch}/{ident}")
    flash("Sent: the achievement waits for an organiser's approval.")
    return redirect(url_for("branches.branch", hall=hall, branch=branch))


@blueprint.route("/<hall>/<branch>/<int(max=4611686018427387904):ident>", methods=["GET", "POST"])
@login_required()
def edit(hall: str, branch: str, ident: int):
    user = require_branch(hall, branch)
    with service().database.read() as connection:
        achievement = store.get(connection, hall, branch, ident)
    if achievement is None:
        abort(404, f"Branch '{branch}' has no achievement {ident}.")
    errors: list[str] = []
    if request.method == "POST":
        removed = numbers_or_400("remove_photo", request.form.getlist("remove_photo"))
        kept = len([photo for photo in achievement["photos"] if photo["id"] not in removed])
        form = read_form(request.form, request.files, kept)
        errors = form.errors
        if form.ok:
            with service().database.write() as connection:
                store.update_fields(connection, hall, branch, ident, form.values, user["username"])
                store.remove_photos(connection, ident, removed)
                for photo in form.photos:
                    store.add_photo(connection, ident, photo.mime, photo.width, photo.height, photo.data)
                users.audit(connection, user["username"], "showcase-edit", f"{hall}/{branch}/{ident}")
            flash("Saved: the achievement waits for an organiser's approval again.")
            return redirect(url_for("branches.branch", hall=hall, branch=branch))
    page = render_template(
        "branches/edit.html",
        hall=hall,
        branch=branch,
        achievement=achievement,
        form=request.form if errors else achievement,
        errors=errors,
    )
    return page, 400 if errors else 200


@blueprint.route("/<hall>/<branch>/<int(max=4611686018427387904):ident>/delete", methods=["POST"])
@login_required()
def delete(hall: str, branch: str, ident: int):
    user = require_branch(hall, branch)
    with service().database.write() as connection:
        if not store.remove(connection, hall, branch, ident):
            abort(404, f"Branch '{branch}' has no achievement {ident}.")
        users.audit(connection, user["username"], "showcase-delete", f"{hall}/{branch}/{ident}")
    flash("Deleted.")
    return redirect(url_for("branches.branch", hall=hall, branch=branch))


@blueprint.route("/<hall>/<branch>/photos/<int(max=4611686018427387904):ident>")
@login_required()
def photo(hall: str, branch: str, ident: int):
    require_branch(hall, branch)
    with service().database.read() as connection:
        found = store.photo(connection, hall, branch, ident)
    if found is None:
        abort(404, f"Branch '{branch}' has no photo {ident}.")
    return Response(found["data"], mimetype=found["mime"], headers={"Cache-Control": "private, max-age=3600"})
