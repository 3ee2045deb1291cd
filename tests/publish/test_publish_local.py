"""Publishing to a local folder: files copied as they are (precompressed siblings too), incrementally."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli
from hallbuilder.errors import PublishError
from hallbuilder.publish.targets import parse_target


def publish(dist, folder, *options: str) -> dict:
    result = CliRunner().invoke(cli, ["publish", str(dist), "--to", str(folder), "--json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def files(folder) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def test_the_folder_gets_an_exact_copy_and_a_second_publish_copies_nothing(make_dist, tmp_path):
    dist, public = make_dist(), tmp_path / "public"
    first = publish(dist, public)
    assert files(public) == files(dist) | {".hallbuilder-publish.json"}  # .br/.gz kept for the web server
    assert all((public / key).read_bytes() == (dist / key).read_bytes() for key in files(dist))
    assert first["uploaded"] == len(files(dist)) == 32
    again = publish(make_dist("rebuilt"), public)
    assert (again["uploaded"], again["unchanged"]) == (0, 32)


def test_a_reshot_photo_and_prune(make_dist, tmp_path):
    public = tmp_path / "public"
    publish(make_dist(), public)
    (public / "README.txt").write_text("kiosk notes")  # not ours: never pruned
    changed = publish(make_dist("v2", seeds={"lobby": 5, "gallery": 2}), public, "--prune")
    assert (changed["uploaded"], changed["removed"]) == (10, 9)
    assert [path.name for path in (public / "scenes" / "lobby").iterdir()] == [
        json.loads((public / "tour.json").read_text())["scenes"][0]["panorama"]["hash"]
    ]
    assert (public / "README.txt").exists()


def test_the_default_target_is_the_public_folder(make_dist, tmp_path, monkeypatch):
    dist = make_dist()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["publish", str(dist)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        f"Published to {tmp_path / 'public'}: 32 uploaded, 0 unchanged, 0 removed, "
    )
    assert (tmp_path / "public" / "index.html").read_bytes() == (dist / "index.html").read_bytes()


def test_a_file_is_not_a_folder(make_dist, tmp_path):
    (tmp_path / "public").write_text("oops")
    result = CliRunner().invoke(cli, ["publish", str(make_dist()), "--to", str(tmp_path / "public")])
    assert (result.exit_code, result.stderr) == (
        1,
        f"--to {tmp_path / 'public'}: this is a file, not a folder: choose a folder to publish to.\n",
    )


def test_a_folder_inside_the_build_is_refused(make_dist):
    dist = make_dist()
    result = CliRunner().invoke(cli, ["publish", str(dist), "--to", str(dist / "public")])
    assert (result.exit_code, result.stderr) == (
        1,
        f"--to {dist / 'public'}: the folder overlaps the build {dist}: publish to a folder outside it.\n",
    )
    assert not (dist / "public").exists()


def test_unused_objects_are_mentioned_until_pruned(make_dist, tmp_path):
    public = tmp_path / "public"
    publish(make_dist(), public)
    result = CliRunner().invoke(
        cli, ["publish", str(make_dist("v2", seeds={"lobby": 1})), "--to", str(public)]
    )
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.splitlines()[1] == "9 objects are no longer used: publish with --prune to delete them."
    )


def test_a_folder_refuses_bucket_settings_with_the_fix(tmp_path):
    """Every target has the bucket abilities of the Target protocol; a folder says where to set them instead."""
    folder = parse_target(str(tmp_path / "public"))
    assert folder.is_bucket is False
    for option, apply in (
        ("--set-cors", lambda: folder.set_cors(["https://hall.example.com"])),
        ("--public-read", folder.allow_public_read),
    ):
        with pytest.raises(PublishError) as caught:
            apply()
        assert caught.value.message == (
            f"{option} works only with s3:// targets; for the folder {folder.name}, set it in your web server."
        )
    assert not (tmp_path / "public").exists()
