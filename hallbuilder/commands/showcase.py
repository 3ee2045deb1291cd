"""`hallbuilder showcase new|check|export|import`: branch showcases, folder by folder, handed over as zips."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources
from pathlib import Path

import click

from hallbuilder.commands.logs import setup_logging
from hallbuilder.errors import ConfigError
from hallbuilder.ids import id_problem

PROJECT = click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The hall project (the folder with hall.yaml).",
)


def parse_name(values: tuple[str, ...]) -> str | dict[str, str] | None:
    """`--name` as staff write it: one plain text, `LANG=text` once per language, or a map written as in
    hall.yaml (`{zh-CN: 工程部, en: Engineering}`); checked like a text of showcase.yaml."""
    from marshmallow import ValidationError
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from hallbuilder.config.fields import LANGUAGE, Text

    texts: dict[str, str] = {}
    for value in values:
        language, equals, text = value.partition("=")
        if value.strip().startswith("{"):
            try:
                mapping = YAML(typ="safe").load(value)
            except YAMLError:
                mapping = None
            if not isinstance(mapping, dict):
                raise ConfigError(
                    f"--name {value}: not a map of texts: write it like {{zh-CN: 工程部, en: Engineering}}, "
                    "with quotes around a text that has a comma"
                )
            texts.update(mapping)
        elif equals and LANGUAGE.match(language.strip()):
            texts[language.strip()] = text.strip()
        elif len(values) == 1:
            return value
        else:
            raise ConfigError(
                f"--name {value}: with several --name, give each as LANGUAGE=text, e.g. --name en=Engineering"
            )
    try:
        return Text().deserialize(texts) if texts else None
    except ValidationError as error:
        raise ConfigError(f"--name {' '.join(values)}: {error.messages[0]}") from None


def name_yaml(name: str | dict[str, str]) -> str:
    """The name as a YAML value: a quoted text, or a map of quoted texts per language."""
    if isinstance(name, str):
        return json.dumps(name, ensure_ascii=False)
    pairs = ", ".join(
        f"{language}: {json.dumps(text, ensure_ascii=False)}" for language, text in name.items()
    )
    return f"{{{pairs}}}"


def hall_languages(project: Path) -> list[str]:
    """hall.languages as hall.yaml gives them (its default when absent or unreadable: the check says why)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        hall = (YAML(typ="safe").load((project / "hall.yaml").read_text("utf-8")) or {}).get("hall") or {}
        languages = hall.get("languages") or ["zh-CN"]
    except (YAMLError, OSError, UnicodeDecodeError, AttributeError):
        return []
    return [code for code in languages if isinstance(code, str)] if isinstance(languages, list) else []


def check_name_languages(name: dict[str, str], languages: list[str]) -> None:
    """A name per language uses the hall's languages and has the default one, as showcase.yaml must."""
    if not languages:
        return
    listed = ", ".join(languages)
    for code in name:
        if code not in languages:
            raise ConfigError(f"--name: language '{code}' is not in hall.languages [{listed}]")
    if languages[0] not in name:
        raise ConfigError(
            f"--name: no {languages[0]} name (the hall's default language); add --name {languages[0]}=..."
        )


def create_showcase(project: Path, branch: str, name: str | dict[str, str] | None = None) -> Path:
    """Write showcases/<branch>/showcase.yaml (commented) and media/; never overwrite an existing one."""
    problem = id_problem(branch, "branch id")
    if problem:
        raise ConfigError(problem)
    if not (project / "hall.yaml").is_file():
        raise ConfigError(
            f"{project}: no hall.yaml here; give the hall project with --project PATH "
            f"or run `hallbuilder new {project}` first"
        )
    if isinstance(name, dict):
        check_name_languages(name, hall_languages(project))
    folder = project / "showcases" / branch
    config = folder / "showcase.yaml"
    if config.exists():
        raise ConfigError(f"{config}: this branch already has a showcase; nothing was changed")
    template = resources.files("hallbuilder.templates").joinpath("showcase.yaml").read_text("utf-8")
    text = template.replace("__NAME__", name_yaml(name or branch))
    (folder / "media").mkdir(parents=True, exist_ok=True)
    config.write_text(text.replace("__ID__", branch), "utf-8")
    return config


@click.group()
def showcase() -> None:
    """Branch showcases: one folder per branch under showcases/, handed to the branch and dropped back."""


@showcase.command()
@click.argument("branch")
@click.option(
    "--name",
    "names",
    multiple=True,
    help="The branch's name (default: the branch id): a text, LANG=text once per language "
    "(--name zh-CN=工程部 --name en=Engineering), or {zh-CN: 工程部, en: Engineering}.",
)
@PROJECT
def new(branch: str, names: tuple[str, ...], project: Path) -> None:
    """Create showcases/BRANCH/ with a commented showcase.yaml to fill in."""
    config = create_showcase(project, branch, parse_name(names))
    click.echo(f"Created {config}")
    click.echo(f"  fill in {config.name}, put photos and videos in {config.parent / 'media'}/, then:")
    click.echo(f"  hallbuilder showcase check --project {project}")


@showcase.command()
@PROJECT
def check(project: Path) -> None:
    """Check every showcases/*/showcase.yaml of the hall and the photos of branch scenes."""
    setup_logging()
    from hallbuilder.builder import check_photos
    from hallbuilder.config import load_project

    hall = load_project(project)  # hall.yaml's problems and every showcase's, in one run
    rooms = tuple(scene for showcase in hall.showcases for scene in showcase.scenes)
    check_photos(replace(hall, scenes=rooms), full=True)
    showcases = hall.showcases
    if not showcases:
        click.echo(
            f"No showcases yet in {project / 'showcases'}; create one with `hallbuilder showcase new BRANCH`"
        )
        return
    for item in showcases:
        achievements, scenes = len(item.achievements), len(item.scenes)
        click.echo(f"  {item.branch}: {achievements} achievement(s), {scenes} scene(s)")
    click.secho(f"{len(showcases)} showcase(s) are valid", fg="green")


@showcase.command("export")
@click.argument("branch")
@PROJECT
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The zip to write (default: BRANCH.zip in the current folder).",
)
def export_(branch: str, project: Path, output: Path | None) -> None:
    """Zip showcases/BRANCH/ (showcase.yaml and its files) to hand to the branch."""
    from hallbuilder.config.showcase_zip import export_showcase
    from hallbuilder.publish.progress import human_bytes

    target = output or Path(f"{branch}.zip")
    handed = export_showcase(project, branch, target)
    click.echo(f"Wrote {target}: {handed.files} file(s), {human_bytes(handed.bytes)} of showcases/{branch}/")
    click.echo(
        f"  when the branch sends it back: hallbuilder showcase import {target.name} --project {project}"
    )


@showcase.command("import")
@click.argument("zip_file", metavar="ZIP", type=click.Path(dir_okay=False, path_type=Path))
@PROJECT
@click.option("--replace", is_flag=True, help="Replace the branch's showcase when it already exists.")
def import_(zip_file: Path, project: Path, replace: bool) -> None:
    """Bring a branch's zip into showcases/, checked whole first: all of it or nothing."""
    from hallbuilder.config.showcase_zip import import_showcase
    from hallbuilder.publish.progress import human_bytes

    try:
        handed = import_showcase(project, zip_file, replace=replace)
    except ConfigError as error:
        raise ConfigError(
            error.message, problems=[*error.lines(), f"Nothing was imported from {zip_file.name}."]
        ) from None
    click.secho(
        f"Imported showcases/{handed.branch}/: {handed.files} file(s), {human_bytes(handed.bytes)}; "
        f"the project loads. Next: hallbuilder build {project}",
        fg="green",
    )
