"""The `hallbuilder` group itself: what `--help` lists, that it imports no subcommand, that each one loads."""

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli

# what staff find in the README and docs/; a command added or lost must change this list on purpose
EXPECTED = ["build", "check", "clean", "new", "publish", "qr", "serve", "service", "showcase", "studio"]


def listed_commands(help_text: str) -> list[str]:
    section = help_text.split("Commands:\n", 1)[1]
    return re.findall(r"^  (\S+)  ", section, flags=re.MULTILINE)


def test_help_lists_the_subcommands_staff_use():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    assert listed_commands(result.output) == EXPECTED


def test_help_imports_no_subcommand():
    code = (
        "import json, sys\n"
        "from hallbuilder.cli import main\n"
        "sys.argv = ['hallbuilder', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('hallbuilder.'))), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stderr.splitlines()[-1]) == ["hallbuilder.cli", "hallbuilder.errors"]


@pytest.mark.parametrize("name", EXPECTED)
def test_each_subcommand_loads_and_shows_its_help(name):
    result = CliRunner().invoke(cli, [name, "--help"], prog_name="hallbuilder")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: hallbuilder {name} ")
