"""`python -m hallbuilder.imaging tile PHOTO OUT`: tile one photo in a fresh process (benchmarks, debugging).

Prints one summary line; a PhotoError becomes its message and exit code 2, never a traceback.
"""

from __future__ import annotations

import os

# Nothing here uses BLAS; OpenBLAS's thread pool would only cost CPU at numpy import (~0.06 s).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import sys
import time
from pathlib import Path

from hallbuilder.errors import HallError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hallbuilder.imaging")
    commands = parser.add_subparsers(dest="command", required=True)
    tile = commands.add_parser(
        "tile", help="write the tile pyramid, base.jpg and thumb.jpg of one photo (or a folder of cube faces)"
    )
    tile.add_argument("photo", type=Path)
    tile.add_argument("out", type=Path)
    check = commands.add_parser("check", help="open and fully decode photos")
    check.add_argument("photos", type=Path, nargs="+")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        from hallbuilder.imaging import check_photo, photo_or_faces, tile_panorama
        from hallbuilder.imaging.memory import keep_freed_memory

        keep_freed_memory()

        if args.command == "check":
            for photo in args.photos:
                info = check_photo(photo)
                print(f"{photo}: {info.width}×{info.height} {info.format} {info.mode}")
            return 0
        result = tile_panorama(photo_or_faces(args.photo), args.out)
    except HallError as error:
        print("\n".join(error.lines()), file=sys.stderr)
        return error.exit_code
    top = result.levels[-1]
    print(
        f"{args.photo}: {result.tiles} tiles, {len(result.levels)} levels, top face {top.face_size} px "
        f"({top.nb_tiles}×{top.nb_tiles} tiles of {result.tile_size}), {result.bytes / 1e6:.1f} MB "
        f"in {time.perf_counter() - started:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
