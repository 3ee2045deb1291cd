"""The `hallbuilder` command: a thin click group.

Each subcommand lives in `hallbuilder/commands/` and is imported only when it runs, so `hallbuilder --help`
stays fast and a broken optional part cannot stop the others. `HallError` is turned into a one-line
message (one line per problem) and an exit code here, and nowhere else.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from hallbuilder import __version__
from hallbuilder.errors import HallError

# name -> ("module:attribute" of a click command or group, one-line help shown by `hallbuilder --help`)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "new": ("hallbuilder.commands.new:new", "Create a new hall project with a commented hall.yaml."),
    "check": (
        "hallbuilder.commands.check:check",
        "Validate hall.yaml and the showcases, read every photo and media file, without building.",
    ),
    "build": (
        "hallbuilder.commands.build:build",
        "Build the hall into a static tour (tiles, tour.json, viewer).",
    ),
    "clean": (
        "hallbuilder.commands.clean:clean",
        "Empty the build cache of a hall (the next build tiles every photo again).",
    ),
    "serve": (
        "hallbuilder.commands.service:serve",
        "Preview a built tour with the comment service on this machine.",
    ),
    "service": (
        "hallbuilder.commands.service:service",
        "Run and administer the hall service (admins, database).",
    ),
    "publish": (
        "hallbuilder.commands.publish:publish",
        "Publish a built tour to a folder or S3-compatible storage.",
    ),
    "qr": ("hallbuilder.commands.qr:qr", "Write print-ready QR codes of the hall and each scene."),
    "showcase": ("hallbuilder.commands.showcase:showcase", "Create and check branch showcases."),
    "studio": (
        "hallbuilder.commands.studio:studio",
        "Lay out the hall in the browser (a local authoring app).",
    ),
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that subcommand is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in SUBCOMMANDS:
            return None
        module_name, attribute = SUBCOMMANDS[cmd_name][0].split(":")
        return getattr(importlib.import_module(module_name), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List subcommands from SUBCOMMANDS without importing them."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, SUBCOMMANDS[name][1]) for name in self.list_commands(ctx)])

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except HallError as error:
            for line in error.lines():
                click.secho(line, fg="red", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            click.secho(
                "Interrupted: nothing was replaced; run the command again to finish.", fg="red", err=True
            )
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except BrokenPipeError:  # the reader went away (`hallbuilder qr … | head`): click ends quietly
            raise
        except Exception as error:  # a bug, not the user's fault: one line, the traceback only on request
            if os.environ.get("HALLBUILDER_DEBUG"):
                raise
            click.secho(f"Unexpected error: {type(error).__name__}: {error}", fg="red", err=True)
            click.secho(
                "This is a bug in hallbuilder. Run again with HALLBUILDER_DEBUG=1 and report the output.",
                fg="red",
                err=True,
            )
            ctx.exit(1)


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="hallbuilder")
def cli() -> None:
    """Build, preview and publish an online VR exhibition hall from 360° photos."""


def main() -> None:
    cli(prog_name="hallbuilder")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
