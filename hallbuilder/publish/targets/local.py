"""Publishing to a local folder, served by any web server (nginx, Caddy, a USB stick in a kiosk).

Files are copied as they are, `.br`/`.gz` siblings included, so the web server can send them precompressed.
Each file is written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hallbuilder.errors import PublishError
from hallbuilder.publish.plan import Item, file_etag
from hallbuilder.publish.targets import RECORD_KEY, bucket_only, dump_record, parse_record


class LocalTarget:
    compress = False
    is_bucket = False

    def __init__(self, root: Path) -> None:
        self.root = root.expanduser().resolve()
        self.name = str(self.root)

    def connect(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise PublishError(
                f"--to {self.root}: this is a file, not a folder: choose a folder to publish to."
            )
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PublishError(f"--to {self.root}: cannot create the folder ({error.strerror}).") from None

    def check_source(self, dist: Path) -> None:
        source = dist.expanduser().resolve()
        if source == self.root or source in self.root.parents or self.root in source.parents:
            raise PublishError(
                f"--to {self.root}: the folder overlaps the build {source}: publish to a folder outside it."
            )

    def listing(self) -> dict[str, str]:
        found = {}
        for path in self.root.rglob("*"):
            key = path.relative_to(self.root).as_posix()
            if path.is_file() and key != RECORD_KEY and ".hallbuilder-tmp" not in path.name:
                found[key] = file_etag(path)
        return found

    def read_record(self) -> dict[str, list[str]]:
        try:
            return parse_record((self.root / RECORD_KEY).read_bytes())
        except OSError:
            return {}

    def write_record(self, record: dict[str, list[str]]) -> None:
        self._write(self.root / RECORD_KEY, dump_record(record))

    def put(self, item: Item) -> str:
        target = self.root / item.key
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{target.name}.hallbuilder-tmp")
        try:
            if item.data is not None:
                temporary.write_bytes(item.data)
            else:
                shutil.copyfile(item.path, temporary)
            os.replace(temporary, target)
        except OSError as error:
            raise PublishError(
                f"{target}: cannot write ({error.strerror}): check free space and permissions."
            ) from None
        return item.etag

    def _write(self, target: Path, data: bytes) -> None:
        temporary = target.with_name(f"{target.name}.hallbuilder-tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)

    def delete(self, keys: list[str]) -> None:
        for key in keys:
            path = self.root / key
            path.unlink(missing_ok=True)
            for parent in path.parents:
                if parent == self.root or any(parent.iterdir()):
                    break
                parent.rmdir()

    def direct_url(self) -> str | None:
        return (self.root / "index.html").as_uri()

    def set_cors(self, origins: list[str]) -> None:
        raise bucket_only("--set-cors", self.name)

    def allow_public_read(self) -> None:
        raise bucket_only("--public-read", self.name)
