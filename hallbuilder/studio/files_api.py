"""Uploads and what comes of them: `POST /api/photos` (new scenes), `GET /api/jobs` (tiling), `POST
/api/media` (images and videos for hotspots and the cover), `GET /api/scenes/<id>/thumb`."""

from __future__ import annotations

import shutil

from flask import Blueprint, abort, current_app, jsonify, request, send_file

from hallbuilder.studio.errors import StudioError, language
from hallbuilder.studio.messages import say
from hallbuilder.studio.photos import accept_cube, accept_photo, add_scenes, cube_stem, scene_ids
from hallbuilder.studio.uploads import (
    IMAGE_FORMATS,
    discard,
    image_format,
    place,
    receive,
    safe_stem,
    title_of,
    video_suffix,
)


def studio():
    return current_app.extensions["studio"]


def uploaded_files() -> list:
    files = [upload for key in request.files for upload in request.files.getlist(key) if upload.filename]
    if not files:
        raise StudioError(400, "no_files", "no_files")
    return files


def make_blueprint() -> Blueprint:
    blueprint = Blueprint("files", __name__, url_prefix="/api")

    @blueprint.post("/photos")
    def photos():
        current = studio()
        holding = current.state_dir / "uploads"
        added, refused = [], []
        taken = scene_ids(current.saver.document())
        if request.form.get("cube") == "1":
            return add_cube(current, uploaded_files(), holding, taken)
        for upload in uploaded_files():
            try:
                received = receive(upload, holding, current.max_upload_bytes)
                scene, photo = accept_photo(current.project, received, upload.filename, taken)
            except StudioError as error:
                refused.append(
                    {
                        "name": upload.filename,
                        "code": error.code,
                        "message": say(error.key, language(), **error.values),
                    }
                )
                continue
            taken.append(scene)
            current.jobs.tile(scene, photo)
            added.append(
                {"scene": scene, "photo": photo, "title": title_of(upload.filename), "name": upload.filename}
            )
        if not added:
            raise refuse_all(refused)
        try:
            version = current.saver.edit_latest(
                lambda document: add_scenes(document, added), f"add {len(added)} photo(s)"
            )
        except StudioError:
            for item in added:
                current.jobs.forget(item["scene"])
            discard(*(current.project / item["photo"] for item in added))
            raise
        return jsonify(version=version, added=added, refused=refused)

    @blueprint.get("/jobs")
    def jobs():
        return jsonify(studio().jobs.listing())

    @blueprint.post("/media")
    def media():
        current = studio()
        [upload, *_] = uploaded_files()
        received = receive(upload, current.state_dir / "uploads", current.max_upload_bytes)
        kind = image_format(received)
        suffix = IMAGE_FORMATS.get(kind or "") or (None if kind else video_suffix(received))
        if suffix is None:
            discard(received)
            raise StudioError(415, "not_media", "not_media", {"name": upload.filename})
        target = place(received, current.project / "media", safe_stem(upload.filename, "media"), suffix)
        return jsonify(path=target.relative_to(current.project).as_posix())

    @blueprint.get("/scenes/<scene_id>/thumb")
    def thumb(scene_id: str):
        from hallbuilder.builder.cache import CACHE_NAME, cached_entry

        current = studio()
        scenes = [
            scene for scene in current.saver.document().get("scenes") or [] if scene.get("id") == scene_id
        ]
        if not scenes:
            abort(404)
        from hallbuilder.studio.jobs import settings_of

        try:
            digest = current.jobs.digests.digest(
                current.project, scenes[0].get("photo"), settings_of(current.project)
            )
        except Exception:
            abort(404)
        path = cached_entry(current.project / CACHE_NAME, digest) / "thumb.jpg"
        if not path.is_file():
            abort(404)
        response = send_file(path, mimetype="image/jpeg", conditional=True)
        response.headers["Cache-Control"] = "private, max-age=31536000, immutable"
        return response

    return blueprint


def add_cube(current, files: list, holding, taken: list[str]):
    """`cube=1`: the six files are one scene's cube faces."""
    if len(files) != 6:
        raise StudioError(400, "cube_six", "cube_six", {"count": len(files)})
    received = []
    try:
        for upload in files:
            received.append((receive(upload, holding, current.max_upload_bytes), upload.filename))
    except StudioError:
        discard(*(path for path, _ in received))
        raise
    scene, photo = accept_cube(current.project, received, holding, taken)
    current.jobs.tile(scene, photo)
    title = cube_stem([name for _, name in received])
    item = {"scene": scene, "photo": photo, "title": title, "name": photo}
    try:
        version = current.saver.edit_latest(lambda document: add_scenes(document, [item]), "add cube faces")
    except StudioError:
        current.jobs.forget(scene)
        shutil.rmtree(current.project / photo, ignore_errors=True)
        raise
    return jsonify(version=version, added=[item], refused=[])


def refuse_all(refused: list[dict]) -> StudioError:
    """Every photo was refused: 422, each file's reason a problem (its `key` the file's name)."""
    problems = [
        {"key": item["name"], "path": [], "line": None, "message": item["message"]} for item in refused
    ]
    text = " ".join(item["message"] for item in refused)
    return StudioError(422, refused[0]["code"], "as_is", {"text": text}, problems=problems)
