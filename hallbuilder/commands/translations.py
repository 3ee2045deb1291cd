"""`hallbuilder translations export|import`: every text of the hall in a table a translator fills in."""

from __future__ import annotations

from pathlib import Path

import click

from hallbuilder.errors import ConfigError


def one_line(text: str) -> str:
    return text.strip().replace("\n", " ↵ ")


@click.group()
def translations() -> None:
    """Export every text of the hall as CSV or Excel for a translator, and import the filled-in table."""


@translations.command("export")
@click.argument("project", type=click.Path(path_type=Path), default=".")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The table to write: FILE.csv (UTF-8, opens in Excel) or FILE.xlsx (default: PROJECT/translations.csv).",
)
def export(project: Path, output: Path | None) -> None:
    """Write every text of hall.yaml and the showcases, one row each, one column per hall language."""
    from hallbuilder.config.load import config_file
    from hallbuilder.config.translations import export_translations

    target = output or config_file(Path(project)).parent / "translations.csv"
    table = export_translations(project, target)
    missing = table.missing_count()
    click.echo(f"Wrote {len(table.rows)} text(s) in {', '.join(table.languages)} to {target}")
    if missing:
        click.secho(
            f"{missing} translation(s) missing (marked in the 'missing' column): fill them in, then run "
            f"`hallbuilder translations import {project} {target}`",
            fg="yellow",
        )
    else:
        click.secho("Every text is there in every language.", fg="green")


@translations.command("import")
@click.argument("project", type=click.Path(path_type=Path))
@click.argument("table", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="List the texts that would change; change nothing.")
def import_(project: Path, table: Path, dry_run: bool) -> None:
    """Write the texts of TABLE (.csv or .xlsx) into hall.yaml and the showcases, all or nothing."""
    from hallbuilder.config.translations import import_translations

    try:
        changes = import_translations(project, table, dry_run=dry_run)
    except ConfigError as error:
        raise ConfigError(
            error.message,
            problems=[*error.lines(), f"Nothing was imported: fix {table.name} and import it again."],
        ) from None
    for change in changes:
        old = f" (was: {one_line(change.old)})" if change.old else ""
        click.echo(f"  {change.file} {change.key} [{change.language}]: {one_line(change.new)}{old}")
    files = len({change.file for change in changes})
    if not changes:
        click.echo(f"Nothing to change: every text in {table.name} is already in the hall.")
    elif dry_run:
        click.echo(f"Dry run: {len(changes)} text(s) in {files} file(s) would change. Nothing was changed.")
    else:
        click.secho(f"Imported {len(changes)} text(s) into {files} file(s).", fg="green")
