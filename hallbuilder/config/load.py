"""hall.yaml: its checks (shape, then cross-references), every problem collected.

Loading a project (hall.yaml with its showcases) is in project.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marshmallow import Schema, ValidationError

from hallbuilder.config.checks import cross_check
from hallbuilder.config.problems import Problem, flatten, render, rewrite
from hallbuilder.config.schema import HallConfigSchema
from hallbuilder.config.source import YamlSource, to_plain
from hallbuilder.errors import ConfigError

CONFIG_NAME = "hall.yaml"


@dataclass(frozen=True)
class HallConfig:
    """A valid hall.yaml: `data` is the file after the schema (defaults filled, dates parsed); from_yaml.py
    makes the hall model of it, which is what the rest of the program reads."""

    project_dir: Path
    data: dict[str, Any]
    source: YamlSource = field(repr=False)

    @property
    def languages(self) -> list[str]:
        return self.data["hall"]["languages"]


def find_config(project: Path) -> Path:
    """`project` may be the folder or the hall.yaml itself."""
    if project.suffix in (".yaml", ".yml"):
        return project
    return project / CONFIG_NAME


def schema_problems(schema: Schema, source: YamlSource, raw: dict) -> tuple[dict[str, Any], list[Problem]]:
    """Load `raw` with `schema`: (data, []) or ({}, every problem with a readable message)."""
    try:
        return schema.load(raw), []
    except ValidationError as error:
        return {}, [
            Problem(path, rewrite(schema, source, path, message)) for path, message in flatten(error.messages)
        ]


def config_file(project: Path) -> Path:
    """hall.yaml of `project` (the folder or the file itself), or a ConfigError saying how to start one."""
    config_path = find_config(Path(project))
    if not config_path.exists():
        raise ConfigError(
            f"{config_path.parent}: no hall.yaml here; run `hallbuilder new {config_path.parent}` to start a hall project"
        )
    return config_path


def check_hall(
    source: YamlSource, project_dir: Path, branch_rooms: Iterable[str] = ()
) -> tuple[HallConfig | None, list[str]]:
    """hall.yaml's shape and cross-references: (the config, []) or (None, every problem as a line)."""
    raw = to_plain(source.document)
    data, problems = schema_problems(HallConfigSchema(), source, raw)
    problems += cross_check(raw, project_dir, branch_rooms)
    if problems:
        return None, render(problems, source)
    return HallConfig(project_dir=project_dir, data=data, source=source), []
