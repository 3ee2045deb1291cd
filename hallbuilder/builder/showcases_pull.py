"""`hallbuilder build --pull-showcases URL`: approved branch achievements from the hall service, into the build.

The service is only spoken to over HTTP (the build never imports it). What comes back is checked like any
input: ids and dates must parse, photo addresses must have the expected shape, every photo must open.
Photos are kept in the project's cache folder, so the build's MediaStore converts them like any other.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from hallbuilder.errors import BuildError
from hallbuilder.ids import BODY, is_id

PULLED = "pulled-showcases"
PHOTO = re.compile(rf"^showcases/({BODY})/photos/(\d+)\.(jpg|png)$")
TIMEOUT = 30


@dataclass
class PulledBranch:
    branch: str
    name: str
    achievements: list[dict[str, Any]]  # showcase.yaml-shaped, photos project-relative, "pulled": True


def pull_showcases(url: str, hall_id: str, project_dir: Path, cache_name: str) -> list[PulledBranch]:
    """Download the approved achievements of `hall_id` and their photos into `<cache>/pulled-showcases/`."""
    base = url.rstrip("/")
    data = _json(f"{base}/halls/{hall_id}/showcases/approved", url)
    if not isinstance(data, dict) or not isinstance(data.get("branches"), dict):
        raise BuildError(
            f"--pull-showcases {url}: the answer is not a list of approved showcases; is it a hall service?"
        )
    relative_root = f"{cache_name}/{PULLED}"
    root = project_dir / relative_root
    shutil.rmtree(root, ignore_errors=True)
    pulled = []
    for branch, entry in sorted(data["branches"].items()):
        if not is_id(branch) or not isinstance(entry, dict):
            raise BuildError(f"--pull-showcases {url}: '{branch}' is not a branch id")
        achievements = [
            _achievement(base, url, hall_id, branch, item, root, relative_root)
            for item in entry.get("achievements") or []
        ]
        pulled.append(PulledBranch(branch, str(entry.get("name") or branch), achievements))
    return pulled


def _achievement(
    base: str, url: str, hall_id: str, branch: str, item: dict, root: Path, relative_root: str
) -> dict[str, Any]:
    try:
        ident, title, when = int(item["id"]), str(item["title"]), date.fromisoformat(str(item["date"]))
    except (KeyError, TypeError, ValueError):
        raise BuildError(f"--pull-showcases {url}: an achievement of '{branch}' is incomplete") from None
    achievement: dict[str, Any] = {"pulled": ident, "title": title, "date": when, "photos": []}
    for key in ("category", "text"):
        if str(item.get(key) or "").strip():
            achievement[key] = str(item[key])
    for address in item.get("photos") or []:
        match = PHOTO.match(str(address))
        if not match or match.group(1) != branch:
            raise BuildError(f"--pull-showcases {url}: unexpected photo address '{address}'")
        name = f"{match.group(2)}.{match.group(3)}"
        target = root / branch / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_photo(f"{base}/halls/{hall_id}/{address}", url))
        achievement["photos"].append(f"{relative_root}/{branch}/{name}")
    return achievement


def _get(address: str, url: str) -> bytes:
    try:
        with urllib.request.urlopen(address, timeout=TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        hint = "is the hall registered on that service?" if error.code == 404 else "try again later"
        raise BuildError(f"--pull-showcases {url}: {address} answered HTTP {error.code}; {hint}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise BuildError(
            f"--pull-showcases {url}: cannot reach the service ({reason}); check the address, e.g. https://example.org/api"
        ) from None


def _json(address: str, url: str) -> Any:
    try:
        return json.loads(_get(address, url))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise BuildError(
            f"--pull-showcases {url}: {address} did not answer JSON; is it the hall service's /api?"
        ) from None


def _photo(address: str, url: str) -> bytes:
    data = _get(address, url)
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise BuildError(f"--pull-showcases {url}: {address} is not a photo") from None
    return data
