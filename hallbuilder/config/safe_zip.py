"""Unpack a zip that came from outside (a branch's showcase) without trusting it.

Refused before anything is written: paths that leave the folder (absolute, `..`, drive letters), links,
too many entries, and sizes that are absurd or a zip bomb's (a tiny entry that unpacks into a huge one). While
unpacking, the bytes really written are counted, so an entry that lies about its size is stopped too.
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath

from hallbuilder.errors import ConfigError

MAX_ENTRIES = 5000
MAX_TOTAL_BYTES = 2_000_000_000  # 20 branch rooms of large photos and a few videos fit
MAX_RATIO = 200  # a photo or video hardly compresses; text 10 times at most
RATIO_FROM_BYTES = 1_000_000
IGNORED = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")
CHUNK = 1 << 20


def ignored(name: str) -> bool:
    return name.startswith(IGNORED[0]) or PurePosixPath(name).name in IGNORED[1:]


def entry_problem(info: zipfile.ZipInfo) -> str | None:
    """Why one entry cannot be unpacked, or None."""
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "is a link; put the file itself in the zip"
    if "\\" in name or "\0" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "is not a relative path inside the folder"
    if ".." in PurePosixPath(name).parts:
        return "points outside the folder ('..')"
    if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return (
            f"would unpack {info.compress_size} bytes into {info.file_size}: that is a zip bomb, not a photo"
        )
    return None


def checked_entries(zip_name: str, archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Every entry to unpack (folders and macOS/Windows litter left out), or one ConfigError with every problem."""
    entries = [info for info in archive.infolist() if not ignored(info.filename)]
    if len(entries) > MAX_ENTRIES:
        raise ConfigError(f"{zip_name}: {len(entries)} files is far too many (at most {MAX_ENTRIES})")
    total = sum(info.file_size for info in entries)
    if total > MAX_TOTAL_BYTES:
        raise ConfigError(
            f"{zip_name}: would unpack into {total / 1e9:.1f} GB (at most {MAX_TOTAL_BYTES / 1e9:.0f} GB); "
            "make the photos and videos smaller"
        )
    problems = [
        f"{zip_name}: {info.filename} {problem}" for info in entries if (problem := entry_problem(info))
    ]
    if problems:
        raise ConfigError(
            f"{zip_name}: {len(problems)} unsafe entr(ies); nothing was imported", problems=problems
        )
    return [info for info in entries if not info.is_dir()]


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (zipfile.BadZipFile, OSError):
        raise ConfigError(f"{path.name}: not a zip file, or a damaged one; make the zip again") from None


def extract(zip_name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    """One entry to `target`, stopping when it writes more than it said it would."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    try:
        with archive.open(info) as source, target.open("xb") as out:
            while chunk := source.read(CHUNK):
                written += len(chunk)
                if written > info.file_size:
                    raise ConfigError(
                        f"{zip_name}: {info.filename} is larger than the zip says; nothing was imported"
                    )
                out.write(chunk)
    except (zipfile.BadZipFile, EOFError, OSError) as error:
        if isinstance(error, FileExistsError):
            raise ConfigError(
                f"{zip_name}: {info.filename} is in the zip twice; nothing was imported"
            ) from None
        raise ConfigError(f"{zip_name}: {info.filename} is damaged ({error}); make the zip again") from None


def unpack(zip_path: Path, entries: list[tuple[zipfile.ZipInfo, str]], folder: Path) -> None:
    """Unpack `entries` (each with its path relative to `folder`); remove `folder` again on any failure."""
    try:
        with open_zip(zip_path) as archive:
            for info, relative in entries:
                extract(zip_path.name, archive, info, folder / relative)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
