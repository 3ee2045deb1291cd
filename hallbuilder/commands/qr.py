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
    "--size-mm",
    type=click.FloatRange(10, 1000),
    default=40.0,
    show_default=True,
    help="Printed size of the SVG/PNG codes (on the posters: 100 mm on A4, 50 mm on A6).",
)
@click.option("--dpi", type=click.IntRange(72, 2400), default=300, show_default=True, help="PNG resolution.")
@click.option(
    "--posters",
    is_flag=True,
    help="Also write print-ready PDF posters (A4) and table cards (A6): titles, picture, code, call to action.",
)
def qr(dist: Path, url: str | None, out: Path, size_mm: float, dpi: int, posters: bool) -> None:
    """Write print-ready QR codes (SVG and PNG) of the hall and of each scene of the built tour DIST, and with
    --posters the PDF posters and table cards around them."""
    from hallbuilder.publish.qr import write_codes

    targets = write_codes(dist, url, out, size_mm, dpi)
    for stem, link in targets.items():
        click.echo(f"{printable(str(out / stem))}.svg/.png  {printable(link)}")
    click.echo(f"Wrote {len(targets)} QR codes (SVG and PNG, {size_mm:g} mm) to {printable(str(out))}.")
    if posters:
        write_posters(dist, targets, out)


def write_posters(dist: Path, targets: dict[str, str], out: Path) -> None:
    from hallbuilder.publish.posters.write import SHEETS, card_files, write_hall_posters

    every, cards, notes = write_hall_posters(dist, targets, out)
    for note in notes:
        click.secho(f"WARNING -  {printable(note)}", fg="yellow", err=True)
    for card in cards:
        a4, a6 = card_files(out, card)
        click.echo(f"{printable(str(a4))}, {a6.name}  {printable(card.link)}")
    click.echo(
        f"Wrote {len(cards)} A4 posters and {len(cards)} A6 table cards to {printable(str(out / 'cards'))}, "
        f"all of them in {printable(str(every))}, the table cards four to an A4 sheet in {SHEETS}."
    )
