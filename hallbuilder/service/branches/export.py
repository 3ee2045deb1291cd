"""The approved content, for `hallbuilder build --pull-showcases URL`: public, because it is what the next
build publishes anyway; pending and rejected achievements never leave the service."""

from __future__ import annotations

from flask import Response
from flask_smorest import Blueprint, abort
from marshmallow import Schema, fields

from hallbuilder.service.api.common import hall_or_404
from hallbuilder.service.branches import store
from hallbuilder.service.context import service

blp = Blueprint("showcase_export", __name__, description="Approved branch achievements, for the build")
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png"}
MAX_ID = 4611686018427387904  # fits every database's BIGINT
BINARY = {"schema": {"type": "string", "format": "binary"}}


class ApprovedAchievement(Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    date = fields.String(required=True, metadata={"description": "YYYY-MM-DD"})
    category = fields.String(required=True)
    text = fields.String(required=True)
    photos = fields.List(
        fields.String(), required=True, metadata={"description": "relative to /api/halls/<hall>/"}
    )


class ApprovedBranch(Schema):
    name = fields.String(required=True)
    achievements = fields.List(fields.Nested(ApprovedAchievement), required=True)


class Approved(Schema):
    hall = fields.String(required=True)
    branches = fields.Dict(keys=fields.String(), values=fields.Nested(ApprovedBranch), required=True)


@blp.route("/halls/<hall>/showcases/approved")
@blp.response(200, Approved)
@blp.alt_response(404, description="Unknown hall")
def approved(hall: str):
    """Every approved achievement of every branch of the hall, with the addresses of their photos."""
    hall_or_404(hall)
    branches: dict[str, dict] = {}
    with service().database.read() as connection:
        names = {row["id"]: row["name"] for row in store.branches_of(connection, hall)}
        for item in store.listing(connection, hall, status="approved"):
            branch = branches.setdefault(
                item["branch_id"],
                {"name": names.get(item["branch_id"], item["branch_id"]), "achievements": []},
            )
            branch["achievements"].append(
                {
                    "id": item["id"],
                    "title": item["title"],
                    "date": item["date"].isoformat(),
                    "category": item["category"],
                    "text": item["text"],
                    "photos": [
                        f"showcases/{item['branch_id']}/photos/{photo['id']}.{EXTENSIONS[photo['mime']]}"
                        for photo in item["photos"]
                    ],
                }
            )
    return {"hall": hall, "branches": branches}, 200, {"Cache-Control": "no-store"}


@blp.route(f"/halls/<hall>/showcases/<branch>/photos/<int(max={MAX_ID}):ident>.<ext>")
@blp.doc(
    responses={"200": {"description": "The photo", "content": {"image/jpeg": BINARY, "image/png": BINARY}}}
)
@blp.alt_response(404, description="No such approved photo")
def approved_photo(hall: str, branch: str, ident: int, ext: str):
    """A photo of an approved achievement."""
    hall_or_404(hall)
    with service().database.read() as connection:
        found = store.photo(connection, hall, branch, ident, approved_only=True)
    if found is None or EXTENSIONS.get(found["mime"]) != ext:
        abort(404, message=f"Branch '{branch}' has no approved photo {ident}.{ext}.")
    return Response(found["data"], mimetype=found["mime"], headers={"Cache-Control": "public, max-age=3600"})
