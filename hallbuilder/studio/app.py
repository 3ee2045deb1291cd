"""The studio's Flask app: one `Studio` (the project and its helpers) shared by the blueprints.

The app never imports hallbuilder.service: it reads and writes hall.yaml through hallbuilder.config, and
makes tiles and previews through hallbuilder.builder's public functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from hallbuilder.config.load import CONFIG_NAME
from hallbuilder.studio.errors import register_errors
from hallbuilder.studio.history import History
from hallbuilder.studio.jobs import TilingJobs
from hallbuilder.studio.preview import Preview
from hallbuilder.studio.project import VersionWatch
from hallbuilder.studio.saving import Saver
from hallbuilder.studio.security import Access

STATE_DIR = ".hallbuilder-studio"
UPLOADS_AT_ONCE = 8


@dataclass
class Studio:
    """Everything the views share for one project."""

    project: Path
    access: Access
    history: History
    saver: Saver
    watch: VersionWatch
    jobs: TilingJobs
    preview: Preview
    max_upload_bytes: int

    @property
    def state_dir(self) -> Path:
        return self.project / STATE_DIR

    def close(self) -> None:
        """Stop background work when the command ends."""
        self.jobs.close()
        self.preview.close()


def create_app(
    project: Path,
    token: str,
    password_hash: str | None = None,
    max_upload_bytes: int = 300 * 2**20,
    background: bool = True,
) -> Flask:
    """The studio for `project` (a folder with hall.yaml). With `password_hash`, LAN mode: logins only.

    `background=False` (tests of the API alone) starts no tiling and no preview builds by itself.
    """
    from hallbuilder.studio import api, files_api, page, scenes_api, security

    project = Path(project).resolve()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = UPLOADS_AT_ONCE * max_upload_bytes  # each file is limited on its own
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]  # hall.yaml's own order (languages, points)
    history = History(project / STATE_DIR / "history")
    jobs = TilingJobs(project, auto=background)
    preview = Preview(project, lambda scenes: ready_scenes(jobs, scenes), auto=background)
    jobs.done = lambda _scene: preview.refresh()
    studio = Studio(
        project=project,
        access=Access(token=token, password_hash=password_hash),
        history=history,
        saver=Saver(project, history, saved=lambda _version: preview.refresh()),
        watch=VersionWatch(project / CONFIG_NAME),
        jobs=jobs,
        preview=preview,
        max_upload_bytes=max_upload_bytes,
    )
    app.extensions["studio"] = studio
    register_errors(app)
    app.before_request(security.guard)
    app.register_blueprint(security.make_blueprint())
    app.register_blueprint(api.make_blueprint())
    app.register_blueprint(files_api.make_blueprint())
    app.register_blueprint(scenes_api.make_blueprint())
    app.register_blueprint(page.make_blueprint())
    return app


def ready_scenes(jobs: TilingJobs, scenes: list[dict]) -> set[str]:
    """The scenes whose tiles are in the cache (the others are being tiled, and left out of the preview)."""
    return {scene_id for scene_id, status in jobs.statuses(scenes).items() if status["tiles"] == "ready"}
