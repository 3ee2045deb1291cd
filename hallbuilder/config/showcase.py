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

from hallbuilder.config.checks import items, scene_ids_of
from hallbuilder.config.fields import Id, Photo, ProjectPath, Text
from hallbuilder.config.load import schema_problems
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
from hallbuilder.config.source import YamlSource, read_yaml_or_problems, to_plain
from hallbuilder.ids import id_problem

SHOWCASE_NAME = "showcase.yaml"
SHOWCASES_DIR = "showcases"


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


@dataclass(frozen=True)
class ShowcaseFile:
    """One valid showcase.yaml: `data` is the file after the schema (from_yaml.py makes the model of it)."""

    branch: str
    data: dict[str, Any]
    source: YamlSource = field(repr=False)


def showcase_folders(project_dir: Path) -> list[Path]:
    """Every showcases/<branch>/ folder that holds a showcase.yaml, in name order."""
    root = project_dir / SHOWCASES_DIR
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / SHOWCASE_NAME).is_file())


def showcase_name(folder: Path) -> str:
    """How messages name a branch's showcase.yaml: `showcases/<branch>/showcase.yaml`."""
    return f"{SHOWCASES_DIR}/{folder.name}/{SHOWCASE_NAME}"


def read_showcase_files(project_dir: Path) -> dict[Path, tuple[YamlSource | None, list[str]]]:
    """Every showcase folder → its parsed showcase.yaml (None when it is not valid YAML) and reading problems."""
    return {
        folder: read_yaml_or_problems(folder / SHOWCASE_NAME, showcase_name(folder))
        for folder in showcase_folders(project_dir)
    }


def rooms_of(files: dict[Path, tuple[YamlSource | None, list[str]]]) -> dict[Path, list[str]]:
    """Each showcase folder → the scene ids its showcase.yaml gives, read defensively."""
    return {
        folder: scene_ids_of(to_plain(source.document)) if source else []
        for folder, (source, _) in files.items()
    }


def branch_rooms(project_dir: Path) -> list[str]:
    """The scene ids of every branch's own rooms: scenes of the hall that hall.yaml may link to."""
    return [ident for ids in rooms_of(read_showcase_files(project_dir)).values() for ident in ids]


def check_showcases(
    project_dir: Path, languages: list[str] | None, hall_scenes: list[str] | None
) -> tuple[list[ShowcaseFile], list[str]]:
    """Check every showcase: (the valid ones, every problem of every showcase.yaml, file by file).

    `languages` and `hall_scenes` come from hall.yaml; None when it cannot tell them (then the checks that need
    them wait until it can). A scene id in two showcases is reported in the second (in name order).
    """
    files = read_showcase_files(project_dir)
    rooms = rooms_of(files)
    branches = [folder.name for folder in files]
    showcases: list[ShowcaseFile] = []
    problems: list[str] = []
    taken: dict[str, str] = {}  # scene id -> the showcase.yaml that has it first
    for folder, (source, reading) in files.items():
        others = [ident for other, ids in rooms.items() if other != folder for ident in ids]
        if problem := id_problem(folder.name, "branch id"):
            problems.append(f"{showcase_name(folder)}: the folder name {problem}")
        elif source is None:
            problems += reading
        else:
            showcase, found = check_showcase(folder, source, languages, hall_scenes, branches, others, taken)
            problems += found
            showcases += [showcase] if showcase else []
        for ident in rooms[folder]:
            taken.setdefault(ident, showcase_name(folder))
    return showcases, problems


def check_showcase(
    folder: Path,
    source: YamlSource,
    languages: list[str] | None,
    hall_scenes: list[str] | None,
    branches: list[str],
    other_rooms: list[str],
    taken: dict[str, str],
) -> tuple[ShowcaseFile | None, list[str]]:
    """One showcase.yaml checked: (the showcase, []) or (None, every problem as a line).

    `taken`: the scene ids of the showcases before this one, with the file that has each.
    """
    raw = to_plain(source.document)
    data, problems = schema_problems(ShowcaseSchema(), source, raw)
    problems += cross_check_showcase(raw, folder, languages, hall_scenes, branches, other_rooms)
    problems += [
        Problem(
            ("scenes", index, "id"),
            f"'{scene['id']}' is already a scene of {taken[scene['id']]}; scene ids must be unique in the whole hall",
        )
        for index, scene in items(raw.get("scenes"))
        if isinstance(scene.get("id"), str)
        and scene["id"] in taken
        and scene["id"] not in (hall_scenes or ())
    ]
    if problems:
        return None, render(problems, source)
    return ShowcaseFile(branch=folder.name, data=data, source=source), []
