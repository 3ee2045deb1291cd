"""A hall project as a whole: hall.yaml and every showcases/<branch>/showcase.yaml, checked in one run.

One file's problems never hide another's (a bad date in a showcase shows up beside a typo in hall.yaml), and
each problem names its own file and line. A branch's rooms are scenes of the hall: hall.yaml may link to them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hallbuilder.config.checks import keys_of, scene_ids_of
from hallbuilder.config.fields import LANGUAGE
from hallbuilder.config.from_yaml import make_hall, make_showcase
from hallbuilder.config.load import CONFIG_NAME, check_hall, config_file
from hallbuilder.config.model import Hall
from hallbuilder.config.showcase import branch_rooms, check_showcases
from hallbuilder.config.source import read_yaml, read_yaml_or_problems, to_plain
from hallbuilder.errors import ConfigError


def load_hall(project: Path) -> Hall:
    """hall.yaml alone (what an edit-mode save checks), its links into the branches' rooms allowed; the model
    has no showcases."""
    config_path = config_file(project)
    source = read_yaml(config_path, CONFIG_NAME)
    config, problems = check_hall(source, config_path.parent, branch_rooms(config_path.parent))
    if config is None:
        raise ConfigError(f"{CONFIG_NAME} has {len(problems)} problem(s)", problems=problems)
    return make_hall(config.project_dir, config.data, config.source)


def load_project(project: Path) -> Hall:
    """hall.yaml and every showcase, valid, as one Hall with the branches' rooms among its scenes; or one
    ConfigError with every problem of every file."""
    config_path = config_file(project)
    project_dir = config_path.parent
    source, problems = read_yaml_or_problems(config_path, CONFIG_NAME)
    config, languages, hall_scenes = None, None, None
    if source is not None:
        config, problems = check_hall(source, project_dir, branch_rooms(project_dir))
        raw = to_plain(source.document)
        languages, hall_scenes = config.languages if config else listed_languages(raw), scene_ids_of(raw)
    showcases, showcase_problems = check_showcases(project_dir, languages, hall_scenes)
    problems += showcase_problems
    if config is None or problems:
        raise ConfigError(f"{len(problems)} problem(s) in {CONFIG_NAME} and the showcases", problems=problems)
    default_language = config.languages[0]
    return make_hall(
        project_dir,
        config.data,
        config.source,
        tuple(make_showcase(file, default_language) for file in showcases),
    )


def listed_languages(document: dict[str, Any]) -> list[str] | None:
    """hall.languages of a hall.yaml with problems, when it is readable (the default when not given)."""
    hall = keys_of(document.get("hall"))
    languages = hall.get("languages", ["zh-CN"])
    valid = isinstance(languages, list) and languages and all(LANGUAGE.match(str(code)) for code in languages)
    return [str(code) for code in languages] if valid else None
