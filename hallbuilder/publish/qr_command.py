"""`hallbuilder qr DIST [--url URL]`: the CLI edge of the poster QR codes (work in qr.py)."""

from __future__ import annotations

from pathlib import Path

import click

from hallbuilder.publish.options import printable


@click.command()
@click.argument("dist", type=click.Path(path_type=Path))
@click.option(
    "--url",
    help="The tour's public address, as printed by `hallbuilder publish` (default: hall.url in hall.yaml).",
)
@click.option("-o", "--out", type=click.Path(path_type=Path), default=Path("qr"), show_default=True)
@click.option(
    "--size-mm", type=click.FloatRange(10, 1000), default=40.0, show_default=True, help="Printed size."
)
@click.option("--dpi", type=click.IntRange(72, 2400), default=300, show_default=True, help="PNG resolution.")
def qr(dist: Path, url: str | None, out: Path, size_mm: float, dpi: int) -> None:
    """Write print-ready QR codes (SVG and PNG) of the hall and of each scene of the built tour DIST."""
    from hallbuilder.publish.qr import write_codes

    targets = write_codes(dist, url, out, size_mm, dpi)
    for stem, link in targets.items():
        click.echo(f"{printable(str(out / stem))}.svg/.png  {printable(link)}")
    click.echo(f"Wrote {len(targets)} QR codes (SVG and PNG, {size_mm:g} mm) to {printable(str(out))}.")
