"""The staff's commands through click's CliRunner: new → check → build, and errors without tracebacks."""

import json

import pytest
from click.testing import CliRunner
from PIL import Image

from hallbuilder.cli import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_new_check_build(runner, tmp_path):
    hall = tmp_path / "hall"
    created = runner.invoke(cli, ["new", str(hall)])
    assert created.exit_code == 0, created.output
    assert f"Next: hallbuilder build {hall}" in created.output
    assert {p.name for p in hall.iterdir()} >= {"hall.yaml", "photos", "audio", "media", "showcases"}

    checked = runner.invoke(cli, ["check", str(hall)])
    assert checked.exit_code == 0, checked.output
    assert "hall.yaml is valid: 2 scene(s), 3 hotspot(s); 2 photo(s) read in full" in checked.output

    built = runner.invoke(cli, ["build", str(hall), "-o", str(tmp_path / "site")])
    assert built.exit_code == 0, built.output
    assert "Built 2 scene(s) (2 tiled, 0 unchanged)" in built.output
    assert json.loads((tmp_path / "site" / "tour.json").read_text("utf-8"))["hall"]["id"] == "my-hall"


def test_new_refuses_to_overwrite(runner, tmp_path):
    runner.invoke(cli, ["new", str(tmp_path / "hall")])
    again = runner.invoke(cli, ["new", str(tmp_path / "hall")])
    assert again.exit_code == 2
    assert (
        again.output.strip()
        == f"{tmp_path / 'hall' / 'hall.yaml'}: a hall project already exists here; nothing was changed"
    )


def test_config_errors_are_one_line_each_with_exit_code_2(runner, tmp_path):
    hall = tmp_path / "hall"
    runner.invoke(cli, ["new", str(hall)])
    config = hall / "hall.yaml"
    config.write_text(
        config.read_text("utf-8").replace("target: gallery", "target: galery").replace("yaw: 60", "yaw: 400")
    )
    result = runner.invoke(cli, ["build", str(hall)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if line.startswith("hall.yaml")] == [
        "hall.yaml:34 scenes[0].hotspots[0].target: no scene 'galery' (did you mean 'gallery'?)",
        "hall.yaml:39 scenes[0].hotspots[1].yaw: 400 is out of range; expected -180 to 360 degrees",
    ]
    assert not (hall / "dist").exists()


def test_check_names_every_bad_photo(runner, tmp_path):
    hall = tmp_path / "hall"
    runner.invoke(cli, ["new", str(hall)])
    Image.new("RGB", (3000, 1000), "grey").save(hall / "photos" / "lobby.jpg")
    data = (hall / "photos" / "gallery.jpg").read_bytes()
    (hall / "photos" / "gallery.jpg").write_bytes(data[: len(data) // 2])
    result = runner.invoke(cli, ["check", str(hall)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in result.output
    # each on the line of hall.yaml that names the photo, with its key, like every other message
    assert (
        lines[0].startswith("hall.yaml:25 scenes[0].photo: the photo is 3000×1000 pixels, ")
        and "2:1" in lines[0]
    )
    assert lines[1] == (
        "hall.yaml:50 scenes[1].photo: the image data is truncated or damaged; "
        "copy the file again from the camera or re-export it"
    )


def test_unexpected_errors_are_one_line_with_a_hint(runner, tmp_path, monkeypatch):
    hall = tmp_path / "hall"
    runner.invoke(cli, ["new", str(hall)])

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("hallbuilder.builder.build_hall", broken)
    result = runner.invoke(cli, ["build", str(hall)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Unexpected error: RuntimeError: disk on fire",
        "This is a bug in hallbuilder. Run again with HALLBUILDER_DEBUG=1 and report the output.",
    ]


def test_missing_project_says_how_to_start(runner, tmp_path):
    result = runner.invoke(cli, ["check", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"{tmp_path / 'nothing'}: no hall.yaml here; run `hallbuilder new {tmp_path / 'nothing'}` to start a hall project"
    )


def test_version(runner):
    assert runner.invoke(cli, ["--version"]).output.startswith("hallbuilder, version ")


def test_quiet_build_prints_only_the_summary(runner, tmp_path):
    hall = tmp_path / "hall"
    runner.invoke(cli, ["new", str(hall)])
    result = runner.invoke(cli, ["build", str(hall), "-q"])
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("Built 2 scene(s) (2 tiled, 0 unchanged)")


def test_check_warns_when_shares_would_have_no_picture(runner, hall):
    checked = runner.invoke(cli, ["check", str(hall)])
    assert checked.exit_code == 0, checked.output
    assert (
        "hall.yaml:7: hall.url is not set: links shared on WeChat and other apps show no picture and no "
        "address (og:image and og:url need it). Add the address the hall is published at under hall:, "
        "e.g. `url: https://example.org/my-hall/`."
    ) in checked.output
    config = hall / "hall.yaml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  start: lobby", "  url: https://hall.example.org/\n  start: lobby", 1
        ),
        "utf-8",
    )
    assert "hall.url is not set" not in runner.invoke(cli, ["check", str(hall)]).output


def test_clean_empties_the_cache_and_nothing_else(runner, hall, tmp_path):
    assert runner.invoke(cli, ["build", str(hall), "-q"]).exit_code == 0
    outside = tmp_path / "keep-me.jpg"
    outside.write_bytes(b"not in the cache")
    (hall / ".hallbuilder-cache" / "link-out").symlink_to(outside)  # a link inside is removed, not followed
    dist = sorted(path.relative_to(hall) for path in (hall / "dist").rglob("*"))
    cleaned = runner.invoke(cli, ["clean", str(hall)])
    assert cleaned.exit_code == 0, cleaned.output
    assert cleaned.output.startswith(f"Emptied the cache of {hall}: ")
    assert "the next build tiles every photo again" in cleaned.output
    assert not (hall / ".hallbuilder-cache").exists()
    assert outside.read_bytes() == b"not in the cache"
    assert sorted(path.relative_to(hall) for path in (hall / "dist").rglob("*")) == dist
    assert (hall / "hall.yaml").is_file() and (hall / "photos" / "lobby.jpg").is_file()

    again = runner.invoke(cli, ["clean", str(hall / "hall.yaml")])
    assert again.exit_code == 0, again.output
    assert again.output.strip() == f"The cache of {hall} is already empty ({hall / '.hallbuilder-cache'})."
    rebuilt = runner.invoke(cli, ["build", str(hall), "-q"])
    assert "(2 tiled, 0 unchanged)" in rebuilt.output


def test_clean_refuses_a_folder_that_is_not_a_hall(runner, tmp_path):
    folder = tmp_path / "not-a-hall"
    (folder / ".hallbuilder-cache").mkdir(parents=True)
    cleaned = runner.invoke(cli, ["clean", str(folder)])
    assert cleaned.exit_code == 1
    assert cleaned.output.strip() == (
        f"{folder}: no hall.yaml here, so nothing was removed. "
        "Give the folder of the hall, e.g. `hallbuilder clean my-hall`."
    )
    assert (folder / ".hallbuilder-cache").is_dir()


def test_clean_removes_a_linked_cache_without_following_it(runner, hall, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("stays", "utf-8")
    (hall / ".hallbuilder-cache").symlink_to(elsewhere, target_is_directory=True)
    cleaned = runner.invoke(cli, ["clean", str(hall)])
    assert cleaned.exit_code == 0, cleaned.output
    assert "the link is removed" in cleaned.output
    assert not (hall / ".hallbuilder-cache").exists()
    assert (elsewhere / "precious.txt").read_text("utf-8") == "stays"
