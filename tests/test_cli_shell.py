from click.testing import CliRunner

from hallbuilder.cli import SUBCOMMANDS, cli


def test_help_lists_every_subcommand_without_importing_them():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in SUBCOMMANDS:
        assert name in result.output
