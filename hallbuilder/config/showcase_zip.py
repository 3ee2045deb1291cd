"""A branch's showcase folder as a zip: exported to hand to the branch, imported when it comes back.

The zip holds one folder, `<branch>/`, with showcase.yaml and its files. An import is unpacked beside the
showcases (never over them), put in place with one rename, and then the whole project is checked by the loader:
if the showcase brings a problem (a broken showcase.yaml, a missing photo, a clash with the hall), it is taken
out again and the previous folder put back, so nothing is ever half-imported.
"""

from __future__ import annotations

import os
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from hallbuilder.config.load import config_file
from hallbuilder.config.problems import did_you_mean
from hallbuilder.config.safe_zip import checked_entries, open_zip, unpack
from hallbuilder.config.showcase import SHOWCASE_NAME, SHOWCASES_DIR
from hallbuilder.errors import ConfigError
from hallbuilder.ids import id_problem


@dataclass(frozen=True)
class Handed:
    """What an export wrote or an import brought: the branch, its files and their bytes."""

    branch: str
    files: int
    bytes: int


def branch_folder(project_dir: Path, branch: str) -> Path:
    folder = project_dir / SHOWCASES_DIR / branch
    if id_problem(branch, "branch id") or not (folder / SHOWCASE_NAME).is_file():
        known = [p.name for p in (project_dir / SHOWCASES_DIR).glob("*") if (p / SHOWCASE_NAME).is_file()]
        hint = did_you_mean(branch, known) or f"; create it with `hallbuilder showcase new {branch}`"
        raise ConfigError(f"no showcase '{SHOWCASES_DIR}/{branch}/{SHOWCASE_NAME}'{hint}")
    return folder


def folder_files(folder: Path) -> list[Path]:
    """The files to hand over: no hidden files (backups, editor litter), no links."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            if not name.startswith(".") and not path.is_symlink():
                found.append(path)
    return found


def export_showcase(project: Path, branch: str, target: Path) -> Handed:
    """Write showcases/<branch>/ to the zip `target` (replaced atomically when it exists)."""
    folder = branch_folder(config_file(Path(project)).parent, branch)
    target = Path(target)
    if target.resolve().is_relative_to(folder.resolve()):
        raise ConfigError(f"{target}: write the zip outside the showcase folder it holds")
    if not target.parent.is_dir():
        raise ConfigError(f"{target}: the folder {target.parent} does not exist; create it or choose another")
    partial = target.with_name(f".{target.name}.partial")
    files = folder_files(folder)
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, f"{branch}/{path.relative_to(folder).as_posix()}")
        os.replace(partial, target)
    except OSError as error:
        raise ConfigError(f"{target}: cannot write it ({error.strerror}); choose another file") from None
    finally:
        partial.unlink(missing_ok=True)
    return Handed(branch, len(files), sum(path.stat().st_size for path in files))


def zip_layout(
    zip_path: Path, entries: list[zipfile.ZipInfo]
) -> tuple[str, list[tuple[zipfile.ZipInfo, str]]]:
    """The branch id and each entry's path inside its folder: one top folder `<branch>/`, or the folder's
    content at the top (then the zip's name is the branch id)."""
    names = [info.filename for info in entries]
    tops = {PurePosixPath(name).parts[0] for name in names}
    if len(tops) == 1 and f"{next(iter(tops))}/{SHOWCASE_NAME}" in names:
        branch = next(iter(tops))
        return branch, [(info, info.filename[len(branch) + 1 :]) for info in entries]
    if SHOWCASE_NAME in names:
        return zip_path.stem, [(info, info.filename) for info in entries]
    raise ConfigError(
        f"{zip_path.name}: no {SHOWCASE_NAME} in the zip; zip the branch's folder (the one with its "
        f"{SHOWCASE_NAME}), e.g. with `hallbuilder showcase export`"
    )


def project_problems(project_dir: Path) -> list[str]:
    from hallbuilder.config.project import load_project

    try:
        load_project(project_dir)
    except ConfigError as error:
        return error.lines()
    return []


def import_showcase(project: Path, zip_path: Path, replace: bool = False) -> Handed:
    """Bring a branch's zip into showcases/<branch>/; refuse it whole, with every reason, or take it whole."""
    project_dir, zip_path = config_file(Path(project)).parent, Path(zip_path)
    with open_zip(zip_path) as archive:
        entries = checked_entries(zip_path.name, archive)
    branch, layout = zip_layout(zip_path, entries)
    if problem := id_problem(branch, "branch id"):
        raise ConfigError(f"{zip_path.name}: the folder name {problem}; rename the folder in the zip")
    target = project_dir / SHOWCASES_DIR / branch
    if target.exists() and not replace:
        raise ConfigError(
            f"{SHOWCASES_DIR}/{branch} already exists; nothing was changed. Import with --replace to put the "
            "zip's version in its place"
        )
    before = project_problems(project_dir)
    staging = project_dir / SHOWCASES_DIR / f".importing-{secrets.token_hex(4)}"
    unpack(zip_path, layout, staging / branch)
    try:
        place(staging, branch, target, before)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Handed(branch, len(layout), sum(info.file_size for info, _ in layout))


def place(staging: Path, branch: str, target: Path, before: list[str]) -> None:
    """Swap the unpacked folder in; put the previous one back if the project now has new problems."""
    previous = staging / ".previous"
    if target.exists():
        os.rename(target, previous)
    try:
        os.rename(staging / branch, target)
    except OSError:
        if previous.exists():
            os.rename(previous, target)
        raise
    mine = f"{SHOWCASES_DIR}/{branch}/"
    found = [
        line for line in project_problems(target.parent.parent) if line not in before or line.startswith(mine)
    ]
    if found:
        shutil.rmtree(target)
        if previous.exists():
            os.rename(previous, target)
        raise ConfigError(
            f"the showcase '{branch}' has {len(found)} problem(s); nothing was imported", problems=found
        )
