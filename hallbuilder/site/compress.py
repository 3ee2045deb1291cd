"""Precompressed siblings of the build's text files (`index.html.br`, `tour.json.gz` ...), as the viewer bundle
already has: `hallbuilder serve`, and nginx's `brotli_static` / `gzip_static` behind a folder publish, send them
to browsers that accept them without compressing on every request. What it saves is small: index.html is
mostly the base64 preview (the sample hall's: 35.9 kB, gzip 18.4 kB, brotli 17.7 kB) and the viewer reads the
tour embedded there, not tour.json (17.6 kB, gzip 4.1 kB, brotli 3.8 kB). Quality 9, not 11: 11 would save
another 0.7 kB on index.html for twice the build time (about 90 ms more on the shared 2-core machine).

Object storage cannot choose per visitor: `publish` to S3 skips these siblings and stores gzip (publish/plan.py).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

BROTLI_QUALITY = 9
MIN_SIZE = 1024  # below this the headers cost more than compression saves
MAX_RATIO = 0.9  # keep a sibling only when it saves at least 10 %


def siblings(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in (".br", ".gz")]


def precompress(path: Path) -> list[Path]:
    """Write `path`.br and `path`.gz when they pay; remove stale ones when they do not. Returns those written."""
    data = path.read_bytes()
    packed = {
        ".br": brotli.compress(data, quality=BROTLI_QUALITY, mode=brotli.MODE_TEXT),
        ".gz": gzip.compress(data, 9, mtime=0),
    }
    written = []
    for sibling, body in zip(siblings(path), packed.values(), strict=True):
        if len(data) >= MIN_SIZE and len(body) <= len(data) * MAX_RATIO:
            sibling.write_bytes(body)
            written.append(sibling)
        else:
            sibling.unlink(missing_ok=True)
    return written


def precompress_site(dist_dir: Path) -> list[Path]:
    """index.html, tour.json and the scan-to-listen pages (the viewer bundle comes compressed from npm)."""
    pages = [dist_dir / "index.html", dist_dir / "tour.json", *sorted((dist_dir / "listen").glob("*.html"))]
    return [sibling for page in pages if page.is_file() for sibling in precompress(page)]
