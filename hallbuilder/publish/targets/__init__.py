"""Where a tour is published: a local folder or S3-compatible storage, behind one small interface.

A target lists what it holds (key -> ETag-style fingerprint), stores one object, deletes objects, and keeps
a small record of the headers it stored so a change of headers alone is also published. What only a bucket
can do (CORS, a public-read policy) is part of the interface too, declared by `is_bucket`: a folder refuses it
with the fix, so the command never has to guess what kind of target it holds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Protocol

from hallbuilder.errors import PublishError
from hallbuilder.publish.plan import Item

RECORD_KEY = ".hallbuilder-publish.json"


def parse_record(data: bytes) -> dict[str, list[str]]:
    """The record's objects; anything unreadable counts as no record (everything is compared by ETag)."""
    try:
        objects = json.loads(data).get("objects", {})
    except (ValueError, AttributeError):
        return {}
    if not isinstance(objects, dict):
        return {}
    return {
        key: entry
        for key, entry in objects.items()
        if isinstance(entry, list) and len(entry) == 2 and all(isinstance(part, str) for part in entry)
    }


def dump_record(record: dict[str, list[str]]) -> bytes:
    return json.dumps({"format": 1, "objects": record}, indent=0, sort_keys=True).encode()


def bucket_only(option: str, folder: str) -> PublishError:
    """The one message for a bucket setting asked of a folder."""
    return PublishError(
        f"{option} works only with s3:// targets; for the folder {folder}, set it in your web server."
    )


class Target(Protocol):
    name: str  # shown to staff: "s3://bucket/prefix/" or the folder
    compress: bool  # store text compressed (and skip .br/.gz siblings) or copy files as they are
    is_bucket: bool  # takes --set-cors and --public-read; direct_url() is the bucket's own HTTP address

    def connect(self) -> None:
        """Fail early, with the fix, when the target cannot be used (credentials, endpoint, bucket)."""

    def check_source(self, dist: Path) -> None:
        """Refuse a build that cannot be published here (a folder inside itself)."""

    def listing(self) -> dict[str, str]:
        """Every key the target holds -> its ETag (lower case, no quotes; for a file, computed the same way)."""

    def read_record(self) -> dict[str, list[str]]:
        """key -> [Item.fingerprint, stored ETag] as of the last finished publish ({} when none)."""

    def write_record(self, record: dict[str, list[str]]) -> None: ...

    def put(self, item: Item) -> str:
        """Store one object; return the ETag the store gave it (lower case, no quotes)."""

    def delete(self, keys: list[str]) -> None: ...

    def direct_url(self) -> str | None:
        """Where the tour opens straight from the storage, if it has an HTTP endpoint."""

    def set_cors(self, origins: list[str]) -> None:
        """Let these origins read the tour (a bucket); a folder raises `bucket_only`."""

    def allow_public_read(self) -> None:
        """Let anyone read the tour's objects (a bucket); a folder raises `bucket_only`."""


# `--to` values that are meant as a bucket but are not spelt s3://: s3:/x, s3//x, S3://x, s3:x, s3:\\x
_MISTYPED_S3 = re.compile(r"^s3(:[/\\]*|//+)(?P<rest>.*)$", re.IGNORECASE)
# anything else that starts like an address (https://, gs://, file:/ …); one letter is a Windows drive (C:/)
_URL_LIKE = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]+):[/\\]")
# stores reached through their S3-compatible endpoint: scheme -> --endpoint-url to give
_S3_COMPATIBLE = {
    "gs": "https://storage.googleapis.com",
    "oss": "https://oss-<region>.aliyuncs.com",
    "cos": "https://cos.<region>.myqcloud.com",
    "r2": "https://<account id>.r2.cloudflarestorage.com",
}


def misspelt_target(to: str) -> str | None:
    """Why `to` is not a target although it looks like an address, with the right spelling; None if it
    is s3://… or a folder."""
    if to.startswith("s3://"):
        return None
    mistyped = _MISTYPED_S3.match(to)
    if mistyped:
        return f"--to {to}: not an S3 address: write it as s3://{mistyped['rest'].lstrip('/')}"
    url_like = _URL_LIKE.match(to)
    if not url_like:
        return None
    scheme = url_like["scheme"].lower()
    rest = to[url_like.end() :].lstrip("/\\")
    if scheme in _S3_COMPATIBLE:
        return (
            f"--to {to}: publish through the store's S3-compatible endpoint: "
            f"--to s3://{rest} --endpoint-url {_S3_COMPATIBLE[scheme]}"
        )
    if scheme in ("http", "https"):
        return (
            f"--to {to}: a web address cannot be published to: give the bucket as s3://BUCKET/PREFIX/ "
            "(with --endpoint-url for a store other than AWS) or a folder your web server serves"
        )
    return f"--to {to}: unknown kind of target: use a folder (./public) or s3://BUCKET/PREFIX/."


def parse_target(to: str, endpoint_url: str | None = None, workers: int = 16) -> Target:
    """`s3://bucket/prefix/` -> S3Target, a path -> LocalTarget; anything else that looks like an address
    is refused with its right spelling (never taken as a folder called `s3:`)."""
    problem = misspelt_target(to)
    if problem:
        raise PublishError(problem)
    if to.startswith("s3://"):
        from hallbuilder.publish.targets.s3 import S3Target

        bucket, _, prefix = to[len("s3://") :].partition("/")
        if not bucket:
            raise PublishError(f"--to {to}: no bucket name: write it as s3://BUCKET/PREFIX/.")
        if endpoint_url and not endpoint_url.startswith(("https://", "http://")):
            raise PublishError(
                f"--endpoint-url {endpoint_url}: write the address with its scheme, e.g. https://{endpoint_url}"
            )
        return S3Target(bucket, prefix, endpoint_url=endpoint_url, workers=workers)
    if endpoint_url:
        raise PublishError(f"--endpoint-url is only for s3:// targets, not the folder {to}: remove it.")
    from hallbuilder.publish.targets.local import LocalTarget

    return LocalTarget(Path(to))
