"""Console logging for commands: `INFO    -  message`, warnings in yellow (the MkDocs look)."""

from __future__ import annotations

import logging

import click

COLOURS = {logging.WARNING: "yellow", logging.ERROR: "red"}


class ClickHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        text = f"{record.levelname:<8}-  {record.getMessage()}"
        click.secho(text, fg=COLOURS.get(record.levelno), err=True)


def setup_logging(verbose: bool = False, quiet: bool = False) -> None:
    logger = logging.getLogger("hallbuilder")
    logger.handlers[:] = [ClickHandler()]
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO)
    logger.propagate = False
