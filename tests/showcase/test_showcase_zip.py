"""A branch's showcase handed over as a zip: exported, imported into another project, unsafe zips refused whole."""

from __future__ import annotations

import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli
from hallbuilder.config import load_project
from hallbuilder.config.showcase_zip import export_showcase, import_showcase
from hallbuilder.errors import ConfigError

SHOWCASE = """\
# the branch's own comment
name: {zh-CN: 第一支部, en: First branch}
introduction: 我们的支部。
achievements:
  - title: 获奖
    date: 2026-06-18
    photos: [media/award.jpg]
  - title: 学习
    date: 2026-07-01
"""


@pytest.fixture
def second(new_project_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(new_project_template, tmp_path / "second"))


@pytest.fixture
def branch_zip(hall: Path, write_showcase, tmp_path: Path) -> Path:
    folder = write_showcase("first-branch", SHOWCASE, ("media/award.jpg",))
    (folder / ".showcase.yaml.bak").write_text("old", "utf-8")  # hidden: never handed over
    target = tmp_path / "first-branch.zip"
    handed = export_showcase(hall, "first-branch", target)
    assert (handed.branch, handed.files) == ("first-branch", 2)
    return target


def snapshot(project: Path) -> dict[str, bytes]:
    root = project / "showcases"
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_a_branch_travels_to_another_project(hall: Path, second: Path, branch_zip: Path) -> None:
    with zipfile.ZipFile(branch_zip) as archive:
        assert sorted(archive.namelist()) == ["first-branch/media/award.jpg", "first-branch/showcase.yaml"]
    handed = import_showcase(second, branch_zip)
    assert (handed.branch, handed.files) == ("first-branch", 2)
    copied = second / "showcases" / "first-branch"
    original = hall / "showcases" / "first-branch"
    assert (copied / "showcase.yaml").read_bytes() == (original / "showcase.yaml").read_bytes()
    assert (copied / "media" / "award.jpg").read_bytes() == (original / "media" / "award.jpg").read_bytes()
    showcases = load_project(second).showcases
    assert [item.branch for item in showcases] == ["first-branch"]
    assert len(showcases[0].achievements) == 2
    assert not [path for path in (second / "showcases").iterdir() if path.name.startswith(".")]


def test_an_existing_branch_is_replaced_only_when_asked(second: Path, branch_zip: Path) -> None:
    import_showcase(second, branch_zip)
    (second / "showcases" / "first-branch" / "showcase.yaml").write_text("name: 旧的\n", "utf-8")
    before = snapshot(second)
    with pytest.raises(ConfigError) as caught:
        import_showcase(second, branch_zip)
    assert caught.value.lines() == [
        "showcases/first-branch already exists; nothing was changed. Import with --replace to put the zip's "
        "version in its place"
    ]
    assert snapshot(second) == before
    import_showcase(second, branch_zip, replace=True)
    assert "# the branch's own comment" in (second / "showcases/first-branch/showcase.yaml").read_text(
        "utf-8"
    )


def unsafe_zip(path: Path, *entries: tuple[str | zipfile.ZipInfo, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "first-branch/showcase.yaml", SHOWCASE.replace("    photos: [media/award.jpg]\n", "")
        )
        for name, data in entries:
            archive.writestr(name, data)
    return path


def refused(project: Path, zip_path: Path, replace: bool = False) -> list[str]:
    before = snapshot(project)
    with pytest.raises(ConfigError) as caught:
        import_showcase(project, zip_path, replace=replace)
    assert snapshot(project) == before  # nothing half-imported, no staging folder left
    assert not list((project / "showcases").glob(".importing-*"))
    return caught.value.lines()


def test_paths_that_leave_the_folder_and_links_are_refused(second: Path, tmp_path: Path) -> None:
    link = zipfile.ZipInfo("first-branch/media/passwd")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = unsafe_zip(
        tmp_path / "bad.zip",
        ("first-branch/../../escape.txt", b"x"),
        ("/etc/cron.d/evil", b"x"),
        (link, b"/etc/passwd"),
    )
    assert refused(second, bad) == [
        "bad.zip: first-branch/../../escape.txt points outside the folder ('..')",
        "bad.zip: /etc/cron.d/evil is not a relative path inside the folder",
        "bad.zip: first-branch/media/passwd is a link; put the file itself in the zip",
    ]
    assert not (tmp_path / "escape.txt").exists()


def test_zip_bombs_and_absurd_counts_are_refused(second: Path, tmp_path: Path) -> None:
    bomb = unsafe_zip(tmp_path / "bomb.zip", ("first-branch/media/big.jpg", bytes(30_000_000)))
    (line,) = refused(second, bomb)
    assert line.startswith("bomb.zip: first-branch/media/big.jpg would unpack ")
    assert line.endswith("into 30000000: that is a zip bomb, not a photo")
    many = unsafe_zip(tmp_path / "many.zip", *((f"first-branch/media/{n}.txt", b"") for n in range(5001)))
    assert refused(second, many) == ["many.zip: 5002 files is far too many (at most 5000)"]


def test_a_broken_showcase_is_refused_with_its_lines_and_the_old_one_kept(
    second: Path, branch_zip: Path, tmp_path: Path
) -> None:
    import_showcase(second, branch_zip)
    broken = unsafe_zip(tmp_path / "broken.zip")
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("first-branch/showcase.yaml", SHOWCASE.replace("2026-07-01", "2026-13-01"))
    assert refused(second, broken, replace=True) == [
        "showcases/first-branch/showcase.yaml:7 achievements[0].photos[0]: file not found: media/award.jpg",
        "showcases/first-branch/showcase.yaml:9 achievements[1].date: '2026-13-01' is not a date: there is no "
        "month 13 (months are 01 to 12)",
    ]
    assert (second / "showcases/first-branch/media/award.jpg").is_file()  # the previous version is back


def test_a_zip_of_the_folder_content_made_on_a_mac(second: Path, tmp_path: Path) -> None:
    made = tmp_path / "youth-league.zip"
    with zipfile.ZipFile(made, "w") as archive:
        archive.writestr("showcase.yaml", SHOWCASE.replace("    photos: [media/award.jpg]\n", ""))
        archive.writestr("__MACOSX/._showcase.yaml", b"resource fork")
        archive.writestr(".DS_Store", b"finder")
    handed = import_showcase(second, made)
    assert (handed.branch, handed.files) == ("youth-league", 1)
    assert sorted(path.name for path in (second / "showcases" / "youth-league").iterdir()) == [
        "showcase.yaml"
    ]


def test_not_a_showcase_zip(second: Path, tmp_path: Path) -> None:
    empty = tmp_path / "photos.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("photos/a.jpg", b"x")
    assert refused(second, empty) == [
        "photos.zip: no showcase.yaml in the zip; zip the branch's folder (the one with its showcase.yaml), "
        "e.g. with `hallbuilder showcase export`"
    ]
    text = tmp_path / "note.zip"
    text.write_text("hello", "utf-8")
    assert refused(second, text) == ["note.zip: not a zip file, or a damaged one; make the zip again"]


def test_cli_export_and_import(hall: Path, second: Path, write_showcase, tmp_path: Path) -> None:
    write_showcase("first-branch", SHOWCASE, ("media/award.jpg",))
    runner = CliRunner()
    target = tmp_path / "out" / "first.zip"
    target.parent.mkdir()
    result = runner.invoke(
        cli, ["showcase", "export", "first-branch", "--project", str(hall), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {target}: 2 file(s), ")
    missing = runner.invoke(cli, ["showcase", "export", "first-brnch", "--project", str(hall)])
    assert missing.exit_code == 2
    assert (
        "no showcase 'showcases/first-brnch/showcase.yaml' (did you mean 'first-branch'?)" in missing.output
    )
    done = runner.invoke(cli, ["showcase", "import", str(target), "--project", str(second)])
    assert done.exit_code == 0, done.output
    assert done.output.startswith("Imported showcases/first-branch/: 2 file(s), ")
    again = runner.invoke(cli, ["showcase", "import", str(target), "--project", str(second)])
    assert again.exit_code == 2
    assert "already exists; nothing was changed" in again.output
    assert again.output.splitlines()[-1] == "Nothing was imported from first.zip."
