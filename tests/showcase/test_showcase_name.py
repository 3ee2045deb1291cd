"""`showcase new --name` takes a name per language, as a map or LANG=text, and stores a real map."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli
from hallbuilder.config import load_project


def new(hall, *names: str):
    arguments = [part for name in names for part in ("--name", name)]
    return CliRunner().invoke(cli, ["showcase", "new", "engineering", *arguments, "--project", str(hall)])


@pytest.mark.parametrize(
    "names",
    [
        ("{zh-CN: 工程部, en: Engineering}",),
        ("zh-CN=工程部", "en=Engineering"),
    ],
)
def test_a_name_per_language_is_stored_as_a_map(hall, names):
    result = new(hall, *names)
    assert result.exit_code == 0, result.output
    folder = hall / "showcases" / "engineering"
    assert 'name: {zh-CN: "工程部", en: "Engineering"}' in (folder / "showcase.yaml").read_text("utf-8")
    (showcase,) = load_project(hall).showcases
    assert showcase.name == {"zh-CN": "工程部", "en": "Engineering"}


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (
            ("{zh-CN: 工程部",),
            "--name {zh-CN: 工程部: not a map of texts: write it like {zh-CN: 工程部, en: Engineering}, "
            "with quotes around a text that has a comma",
        ),
        (
            ("{zh-CN: 工程部, 设计部, en: Engineering}",),
            "--name {zh-CN: 工程部, 设计部, en: Engineering}: '设计部' is not a language code "
            "(use codes like zh-CN, en, yue)",
        ),
        (
            ("zh-CN=工程部", "fr=Ingénierie"),
            "--name: language 'fr' is not in hall.languages [zh-CN, en]",
        ),
        (
            ("en=Engineering",),
            "--name: no zh-CN name (the hall's default language); add --name zh-CN=...",
        ),
        (
            ("工程部", "Engineering"),
            "--name 工程部: with several --name, give each as LANGUAGE=text, e.g. --name en=Engineering",
        ),
    ],
)
def test_a_name_that_is_not_a_map_of_texts_is_refused_and_nothing_is_written(hall, names, message):
    result = new(hall, *names)
    assert (result.exit_code, result.stderr) == (2, message + "\n")
    assert not (hall / "showcases" / "engineering").exists()
