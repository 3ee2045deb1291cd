"""Read a built tour (`dist/`) into the list of objects to publish, each with its headers and fingerprint.

The fingerprint is the S3 ETag the stored bytes will have (MD5, or MD5 of part MD5s for multipart uploads),
so comparing it with a bucket listing tells what changed without downloading anything.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from hallbuilder.errors import PublishError
from hallbuilder.publish import rules

PART_SIZE = 8 * 1024 * 1024  # multipart threshold and part size; the ETag of big files depends on it
MAX_IN_MEMORY = 32 * 1024 * 1024  # text files larger than this are stored as they are


@dataclass(frozen=True)
class Item:
    """One object to publish. `data` holds the stored bytes when they differ from the file (compressed)."""

    key: str
    path: Path
    size: int
    etag: str
    content_type: str
    cache_control: str
    encoding: str | None = None
    data: bytes | None = None

    @property
    def fingerprint(self) -> str:
        """ETag plus headers: changes when the bytes or any header we set changes."""
        return " | ".join([self.etag, self.content_type, self.cache_control, self.encoding or "identity"])


def bytes_etag(data: bytes) -> str:
    """The ETag S3 gives `data` uploaded in one request (or in PART_SIZE parts when it is that large)."""
    if len(data) < PART_SIZE:
        return hashlib.md5(data).hexdigest()
    parts = [
        hashlib.md5(data[start : start + PART_SIZE]).digest() for start in range(0, len(data), PART_SIZE)
    ]
    return f"{hashlib.md5(b''.join(parts)).hexdigest()}-{len(parts)}"


def file_etag(path: Path) -> str:
    """`bytes_etag` of a file, streamed part by part."""
    parts = []
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(PART_SIZE), b""):
            parts.append(hashlib.md5(chunk).digest())
    if path.stat().st_size < PART_SIZE:
        return parts[0].hex() if parts else hashlib.md5(b"").hexdigest()
    return f"{hashlib.md5(b''.join(parts)).hexdigest()}-{len(parts)}"


def not_a_build(dist: Path, missing: str, then: str = "publish") -> str:
    """Why `dist` is not a built tour, with advice that works when followed: `build` refuses to write into
    the project itself or into a folder that is not a previous build."""
    if (dist / "hall.yaml").is_file():
        return (
            f"{dist}: this is a hall project (it has hall.yaml), not a built tour: "
            f"run `hallbuilder build {dist}`, then {then} {dist / 'dist'}."
        )
    if not dist.is_dir():
        return f"{dist}: no such folder: run `hallbuilder build PROJECT -o {dist}` first, then {then} that folder."
    if any(dist.iterdir()):
        return (
            f"{dist}: {missing} is missing, so this is not a built tour: {then} the folder `hallbuilder build` "
            "wrote (PROJECT/dist, or the folder given with -o)."
        )
    return (
        f"{dist}: {missing} is missing, so this is not a built tour: "
        f"run `hallbuilder build PROJECT -o {dist}` first, then {then} that folder."
    )


def check_dist(dist: Path) -> None:
    """Refuse anything that is not a finished build, before touching the target."""
    if not dist.is_dir():
        raise PublishError(not_a_build(dist, "tour.json"))
    for name in rules.ENTRY_POINTS:
        if not (dist / name).is_file():
            raise PublishError(not_a_build(dist, name))
    try:
        json.loads((dist / "tour.json").read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PublishError(f"{dist / 'tour.json'}: not valid JSON ({error}): build the tour again.") from None


def dist_files(dist: Path, skip_precompressed: bool) -> list[tuple[str, Path]]:
    """(key, path) of every file to publish; hidden files and, if asked, `.br`/`.gz` siblings left out."""
    found = []
    for path in sorted(dist.rglob("*")):
        key = path.relative_to(dist).as_posix()
        if not path.is_file() or any(part.startswith(".") for part in key.split("/")):
            continue
        if skip_precompressed and path.suffix in rules.PRECOMPRESSED and path.with_suffix("").is_file():
            continue
        found.append((key, path))
    return found


def describe(key: str, path: Path, compress: bool) -> Item:
    """Headers and fingerprint of one file; small text files are gzip-compressed when that pays."""
    content_type, cache_control = rules.content_type(key), rules.cache_control(key)
    size = path.stat().st_size
    if compress and rules.compressible(key) and rules.MIN_COMPRESS_SIZE <= size <= MAX_IN_MEMORY:
        raw = path.read_bytes()
        packed = gzip.compress(raw, compresslevel=9, mtime=0)
        if len(packed) <= len(raw) * rules.MAX_COMPRESSED_RATIO:
            etag = bytes_etag(packed)
            return Item(key, path, len(packed), etag, content_type, cache_control, "gzip", packed)
    return Item(key, path, size, file_etag(path), content_type, cache_control)


def collect(dist: Path, compress: bool, workers: int = 8) -> list[Item]:
    """Every object of the tour, in a stable order; hashing runs in parallel (hashlib releases the GIL)."""
    check_dist(dist)
    files = dist_files(dist, skip_precompressed=compress)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda pair: describe(pair[0], pair[1], compress), files))
