"""Print-ready QR codes of the hall and of each scene's deep link (`<url>#scene=<id>`), for posters.

SVG is drawn at its physical size in millimetres (exact at any print scale); PNG at 300 dpi by default.
Error correction "Q" survives a scuffed or partly covered poster.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import segno

from hallbuilder.errors import PublishError
from hallbuilder.ids import HELP, is_id
from hallbuilder.publish.options import check_public_url
from hallbuilder.publish.plan import not_a_build


def read_scene_ids(dist: Path) -> list[str]:
    """Scene ids in tour order, from a built tour (the folder or its tour.json)."""
    manifest = dist / "tour.json" if dist.is_dir() else dist
    try:
        scenes = json.loads(manifest.read_text(encoding="utf-8"))["scenes"]
        ids = [scene["id"] for scene in scenes]
    except FileNotFoundError:
        raise PublishError(not_a_build(dist, "tour.json", then="give `hallbuilder qr`")) from None
    except (OSError, ValueError, KeyError, TypeError):
        raise PublishError(
            f"{manifest}: not a tour.json written by `hallbuilder build`: build again."
        ) from None
    for scene_id in ids:
        if not is_id(scene_id):
            raise PublishError(f"{manifest}: scene id {scene_id!r} is not a valid id ({HELP}): build again.")
    return ids


def page_url(base: str, relative: str) -> str:
    """The address of `relative` in the tour at `base`: a page of the build (`listen/lobby.html`), a fragment
    (`#scene=lobby`), both, or `""` for the tour itself. `base` may be a folder (`…/red/`, `…/red`), a page
    (`…/red/index.html`) and carry a query (`?from=poster`), which every link keeps."""
    parts = urlsplit(check_public_url(base, "--url"))
    path, _, fragment = relative.partition("#")
    joined = urlsplit(urljoin(urlunsplit(parts._replace(query="")), path))
    return urlunsplit(joined._replace(query=parts.query, fragment=fragment))


def links(url: str, scene_ids: Sequence[str], narrated: Sequence[str] = ()) -> dict[str, str]:
    """File stem -> link: `hall` for the tour, `scene-<id>` for each scene's deep link and `listen-<id>` for
    each narrated scene's audio-first page ("scan to listen", written by the build in listen/)."""
    return (
        {"hall": page_url(url, "")}
        | {f"scene-{scene_id}": page_url(url, f"#scene={scene_id}") for scene_id in scene_ids}
        | {f"listen-{scene_id}": page_url(url, f"listen/{scene_id}.html") for scene_id in narrated}
    )


def read_narrated_ids(dist: Path) -> list[str]:
    """Scenes with narration, whose listen page exists in the built tour."""
    return [path.stem for path in sorted((dist / "listen").glob("*.html"))] if dist.is_dir() else []


def write_code(link: str, stem: Path, size_mm: float, dpi: int) -> list[Path]:
    """One QR code as SVG (exact millimetres) and PNG (at least size_mm at dpi)."""
    code = segno.make(link, error="q", micro=False)
    modules = code.symbol_size(scale=1)[0]
    svg, png = stem.with_suffix(".svg"), stem.with_suffix(".png")
    code.save(str(svg), scale=size_mm / modules, unit="mm", dark="#000", light="#fff", title=link)
    code.save(str(png), scale=math.ceil(size_mm / 25.4 * dpi / modules), dark="#000", light="#fff", dpi=dpi)
    return [svg, png]


def hall_url(dist: Path) -> str:
    """The public address hall.yaml gives (`hall.url`), for when `--url` is not given."""
    manifest = dist / "tour.json" if dist.is_dir() else dist
    try:
        url = json.loads(manifest.read_text(encoding="utf-8"))["hall"].get("url")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        url = None
    if not url:
        raise PublishError(
            "no address to encode: give --url https://... (as printed by `hallbuilder publish`), "
            "or set `url:` under `hall:` in hall.yaml and build again."
        )
    return url


def write_codes(
    dist: Path, url: str | None, out: Path, size_mm: float = 40.0, dpi: int = 300
) -> dict[str, str]:
    """Write every code into `out`; returns file stem -> link."""
    scene_ids = read_scene_ids(dist)
    narrated = [scene_id for scene_id in scene_ids if scene_id in read_narrated_ids(dist)]
    targets = links(url or hall_url(dist), scene_ids, narrated)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for stem, link in targets.items():
            write_code(link, out / stem, size_mm, dpi)
    except OSError as error:
        raise PublishError(f"{out}: cannot write the QR codes ({error.strerror}).") from None
    return targets
