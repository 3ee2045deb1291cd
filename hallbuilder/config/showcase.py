"""showcases/<branch>/showcase.yaml: a branch's showcase, checked with the same precise errors as hall.yaml.

A branch's folder is handed to the branch, filled in and dropped back, so every path inside showcase.yaml is
relative to that folder and must stay inside it. A branch may bring its own panorama scenes (same shape as
hall.yaml scenes); they join the hall in the `showcases` zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marshmallow import fields, validate

from hallbuilder.config.fields import ID, ID_HELP, Id, Photo, ProjectPath, Text
from hallbuilder.config.load import HallConfig, schema_problems
from hallbuilder.config.problems import Problem, render
from hallbuilder.config.schema import (
    HotspotSchema,
    NarrationSchema,
    SceneSchema,
    StrictSchema,
    doc,
    iter_documented_keys,
)
from hallbuilder.config.showcase_checks import cross_check_showcase
from hallbuilder.config.source import YamlSource, read_yaml, to_plain
from hallbuilder.errors import ConfigError

SHOWCASE_NAME = "showcase.yaml"
SHOWCASES_DIR = "showcases"
ZONE_TITLE = {"zh-CN": "分支展厅", "en": "Branch showcases"}


class ShowcasePath(ProjectPath):
    """A file inside the branch's folder, written relative to showcase.yaml with '/' separators."""

    anchor = "showcase.yaml"
    example = "media/award.jpg"
    outside = "points outside the showcase folder; copy the file into the branch's folder"


class BranchNarrationSchema(NarrationSchema):
    audio = ShowcasePath(**doc("Narration audio (mp3, m4a, wav, ogg) in this language."))


class BranchHotspotSchema(HotspotSchema):
    images = fields.List(ShowcasePath(), **doc("info: photos shown in the panel."))
    video = ShowcasePath(**doc("info: a video shown in the panel."))


class BranchSceneSchema(SceneSchema):
    photo = Photo(
        ShowcasePath,
        required=True,
        **doc(
            "The 360° photo inside the branch's folder: an equirectangular 2:1 file, or six cube faces (a folder "
            "or a list of six files), named and oriented as for scenes.photo in docs/hall-yaml.md."
        ),
    )
    zone = Id(**doc("Not used: a branch's scenes are always in the showcases zone."))
    narration = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(BranchNarrationSchema),
        load_default=dict,
        **doc("Narration per language: {zh-CN: {audio: ..., transcript: ...}}."),
    )
    hotspots = fields.List(
        fields.Nested(BranchHotspotSchema),
        load_default=list,
        **doc("Hotspots in this scene (links may lead to the hall's scenes)."),
    )


class AchievementSchema(StrictSchema):
    title = Text(required=True, **doc("What was achieved, in a few words."))
    date = fields.Date(required=True, **doc("When, written 2026-11-01."))
    category = Text(**doc("A short category such as 'Award', 'Service', 'Volunteering' (optional)."))
    text = Text(**doc("A few sentences about it (optional)."))
    photos = fields.List(ShowcasePath(), load_default=list, **doc("Photos, relative to showcase.yaml."))
    video = ShowcasePath(**doc("A video (mp4, mov, webm), relative to showcase.yaml (optional)."))
    scene = Id(**doc("A scene of the hall (or of this branch) that shows it (optional)."))


class ShowcaseSchema(StrictSchema):
    name = Text(required=True, **doc("The branch's name."))
    motto = Text(**doc("The branch's motto, one line (optional)."))
    logo = ShowcasePath(**doc("The branch's logo (PNG, JPEG or WebP), relative to showcase.yaml."))
    introduction = Text(**doc("A short introduction of the branch."))
    achievements = fields.List(
        fields.Nested(AchievementSchema),
        load_default=list,
        **doc("The branch's achievements, shown as a timeline (newest first)."),
    )
    scenes = fields.List(
        fields.Nested(BranchSceneSchema),
        load_default=list,
        validate=validate.Length(max=20, error="at most {max} scenes per branch"),
        **doc("The branch's own panorama scenes (optional; same keys as hall.yaml scenes, no zone)."),
    )


def iter_showcase_keys() -> list[tuple[str, str]]:
    """Every showcase.yaml key path with its doc (docs/showcases.md lists them; a test keeps both in step)."""
    return iter_documented_keys(ShowcaseSchema())


@dataclass
class Showcase:
    """One valid branch showcase: `data` is showcase.yaml after the schema; paths are relative to `folder`."""

    branch: str
    folder: Path | None  # None: a branch known only from the service (--pull-showcases)
    data: dict[str, Any]
    source: YamlSource | None = field(default=None, repr=False)

    def path(self, relative: str) -> str:
        """A showcase-relative path as the project sees it (what MediaStore and the tiler take)."""
        return f"{SHOWCASES_DIR}/{self.branch}/{relative}"


def showcase_folders(project_dir: Path) -> list[Path]:
    """Every showcases/<branch>/ folder that holds a showcase.yaml, in name order."""
    root = project_dir / SHOWCASES_DIR
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / SHOWCASE_NAME).is_file())


def load_showcases(config: HallConfig) -> list[Showcase]:
    """Load and check every showcase of the project; every problem of every showcase is raised together."""
    hall_scenes = [scene["id"] for scene in config.scenes if not scene.get("branch")]
    showcases: list[Showcase] = []
    problems: list[str] = []
    taken: dict[str, str] = {}  # scene id -> the showcase.yaml that has it
    for folder in showcase_folders(config.project_dir):
        try:
            showcase = load_showcase(folder, config.languages, hall_scenes)
        except ConfigError as error:
            problems += error.lines()
            continue
        clashes = [
            Problem(
                ("scenes", index, "id"),
                f"'{scene['id']}' is already a scene of {taken[scene['id']]}; "
                "scene ids must be unique in the whole hall",
            )
            for index, scene in enumerate(showcase.data["scenes"])
            if scene["id"] in taken
        ]
        if clashes:
            problems += render(clashes, showcase.source)
            continue
        taken.update(dict.fromkeys((s["id"] for s in showcase.data["scenes"]), showcase.source.name))
        showcases.append(showcase)
    if problems:
        raise ConfigError(f"the showcases have {len(problems)} problem(s)", problems=problems)
    return showcases


def load_showcase(folder: Path, languages: list[str], hall_scenes: list[str]) -> Showcase:
    """Read and check one showcase folder; raise one ConfigError carrying every problem, line by line."""
    branch = folder.name
    name = f"{SHOWCASES_DIR}/{branch}/{SHOWCASE_NAME}"
    if not ID.match(branch):
        raise ConfigError(f"{name}: the folder name '{branch}' is not a valid branch id: {ID_HELP}")
    source = read_yaml(folder / SHOWCASE_NAME, name)
    raw = to_plain(source.document)
    data, problems = schema_problems(ShowcaseSchema(), source, raw)
    branches = [path.name for path in showcase_folders(folder.parent.parent)]
    problems += cross_check_showcase(raw, folder, languages, hall_scenes, branches)
    if problems:
        raise ConfigError(f"{name} has {len(problems)} problem(s)", problems=render(problems, source))
    return Showcase(branch=branch, folder=folder, data=data, source=source)
