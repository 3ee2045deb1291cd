"""The advice given for a folder that is not a built tour works when staff follow it."""

from __future__ import annotations

from click.testing import CliRunner

from hallbuilder.cli import cli


def test_publishing_the_project_folder_advises_a_build_that_succeeds(hall, tmp_path):
    runner = CliRunner()
    refused = runner.invoke(cli, ["publish", str(hall), "--to", str(tmp_path / "public")])
    assert (refused.exit_code, refused.stderr) == (
        1,
        f"{hall}: this is a hall project (it has hall.yaml), not a built tour: "
        f"run `hallbuilder build {hall}`, then publish {hall / 'dist'}.\n",
    )
    assert runner.invoke(cli, ["build", str(hall), "-q"]).exit_code == 0
    published = runner.invoke(cli, ["publish", str(hall / "dist"), "--to", str(tmp_path / "public")])
    assert published.exit_code == 0, published.output
    assert (tmp_path / "public" / "tour.json").is_file()


def test_qr_of_the_project_folder_advises_the_same(hall):
    result = CliRunner().invoke(cli, ["qr", str(hall), "--url", "https://hall.example.com/"])
    assert (result.exit_code, result.stderr) == (
        1,
        f"{hall}: this is a hall project (it has hall.yaml), not a built tour: "
        f"run `hallbuilder build {hall}`, then give `hallbuilder qr` {hall / 'dist'}.\n",
    )


def test_a_folder_that_is_not_a_build_is_not_sent_back_to_build_into_it(make_dist, tmp_path):
    """`build -o` refuses a non-empty folder that is not a previous build, so that is not the advice."""
    other = tmp_path / "site"
    other.mkdir()
    (other / "index.html").write_text("<html></html>")
    refused = CliRunner().invoke(cli, ["publish", str(other), "--to", str(tmp_path / "public")])
    assert (refused.exit_code, refused.stderr) == (
        1,
        f"{other}: tour.json is missing, so this is not a built tour: publish the folder `hallbuilder build` "
        "wrote (PROJECT/dist, or the folder given with -o).\n",
    )
