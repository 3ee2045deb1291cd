"""`hallbuilder showcase new` and `check`: a scaffold that is valid at once, one-line errors, exit codes."""

from __future__ import annotations

from click.testing import CliRunner

from hallbuilder.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_new_scaffolds_a_showcase_that_checks_and_builds(hall, tmp_path):
    created = run("showcase", "new", "youth-league", "--name", "青年: 支部", "--project", str(hall))
    folder = hall / "showcases" / "youth-league"
    assert created.exit_code == 0, created.output
    assert created.output.splitlines()[0] == f"Created {folder / 'showcase.yaml'}"
    assert (folder / "media").is_dir()
    assert 'name: "青年: 支部"' in (folder / "showcase.yaml").read_text("utf-8")
    checked = run("showcase", "check", "--project", str(hall))
    assert checked.exit_code == 0, checked.output
    assert checked.output.splitlines() == [
        "  youth-league: 1 achievement(s), 0 scene(s)",
        "1 showcase(s) are valid",
    ]
    built = run("build", str(hall), "-q")
    assert built.exit_code == 0, built.output


def test_new_never_overwrites_and_refuses_bad_ids(hall):
    assert run("showcase", "new", "first", "--project", str(hall)).exit_code == 0
    again = run("showcase", "new", "first", "--project", str(hall))
    assert again.exit_code == 2
    assert again.output.strip() == (
        f"{hall / 'showcases' / 'first' / 'showcase.yaml'}: this branch already has a showcase; nothing was changed"
    )
    bad = run("showcase", "new", "First Branch", "--project", str(hall))
    assert bad.exit_code == 2
    assert bad.output.strip() == (
        "'First Branch' is not a valid branch id: use lower-case letters, digits and '-' only, e.g. 'history-hall'"
    )


def test_new_outside_a_hall_project_says_how_to_fix_it(tmp_path):
    result = run("showcase", "new", "first", "--project", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"{tmp_path}: no hall.yaml here; give the hall project with --project PATH "
        f"or run `hallbuilder new {tmp_path}` first"
    )


def test_check_lists_every_problem_without_a_traceback(hall, write_showcase):
    write_showcase("first", "name: A\nachievements:\n  - {title: t, date: 1 November}\n")
    result = run("showcase", "check", "--project", str(hall))
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "showcases/first/showcase.yaml:3 achievements[0].date: expected a date such as 2026-11-01, got '1 November'"
    ]


def test_check_reads_branch_scene_photos_in_full(hall, write_showcase):
    folder = write_showcase("first", "name: A\nscenes: [{id: room, title: R, photo: room.jpg}]\n")
    (folder / "room.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    result = run("showcase", "check", "--project", str(hall))
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "showcases/first/showcase.yaml:2 scenes[0].photo: cannot be read as an image; use a JPEG, PNG, TIFF or "
        "WebP file (copy it again if it was damaged)"
    ]


def test_check_without_showcases_says_how_to_start(hall):
    result = run("showcase", "check", "--project", str(hall))
    assert result.exit_code == 0
    assert result.output.strip() == (
        f"No showcases yet in {hall / 'showcases'}; create one with `hallbuilder showcase new BRANCH`"
    )


def test_the_hall_check_also_checks_showcases(hall, write_showcase):
    write_showcase("first", "name: A\nlogo: logo.png\n", ("logo.png",))
    valid = run("check", str(hall))
    assert valid.exit_code == 0, valid.output
    assert valid.output.splitlines()[-1].endswith(
        "2 photo(s) read in full; 1 media file(s) read; 1 showcase(s)"
    )
    write_showcase("second", "name: B\nachievements: [{title: t}]\n")
    invalid = run("check", str(hall))
    assert invalid.exit_code == 2
    assert (
        invalid.output.splitlines()[-1]
        == "showcases/second/showcase.yaml:2 achievements[0].date: required key is missing"
    )
