"""`hallbuilder publish DIST --to TARGET`: the CLI edge of publishing; the work lives in sync.py."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from hallbuilder.publish.options import check_origin, check_public_url
from hallbuilder.publish.progress import Progress
from hallbuilder.publish.report import dry_run_lines, dry_run_summary, summary_line
from hallbuilder.publish.sync import Changes, Summary, apply, plan
from hallbuilder.publish.targets import Target, bucket_only, parse_target


def check_bucket_options(target: Target, cors: tuple[str, ...], public_read: bool) -> list[str]:
    """--set-cors and --public-read exist only for buckets; returns the checked origins."""
    if (cors or public_read) and not target.is_bucket:
        raise bucket_only("--set-cors" if cors else "--public-read", target.name)
    return [check_origin(origin) for origin in cors]


def bucket_settings(target: Target, origins: list[str], public_read: bool) -> None:
    """Applied before the upload, so the new version is readable the moment it is live."""
    if origins:
        target.set_cors(origins)
    if public_read:
        target.allow_public_read()


def show_dry_run(target: Target, changes: Changes, prune: bool, as_json: bool, seconds: float) -> None:
    summary = dry_run_summary(changes, prune, seconds)
    if as_json:
        click.echo(json.dumps(summary.as_dict() | {"dry_run": True}))
        return
    for line in dry_run_lines(changes, prune):
        click.echo(line)
    click.echo(summary_line(target, summary, dry_run=True))


def show_result(
    target: Target, changes: Changes, summary: Summary, prune: bool, as_json: bool, public_url: str | None
) -> None:
    if as_json:
        click.echo(json.dumps(summary.as_dict()))
        return
    click.echo(summary_line(target, summary, dry_run=False))
    if changes.stale and not prune:
        click.echo(f"{len(changes.stale)} objects are no longer used: publish with --prune to delete them.")
    if public_url:
        click.echo(f"Visitors open: {public_url}")
    elif target.is_bucket:
        click.echo(f"Straight from the bucket: {target.direct_url()}")


@click.command()
@click.argument("dist", type=click.Path(path_type=Path))
@click.option("--to", "to", default="public", show_default=True, help="A folder, or s3://BUCKET/PREFIX/.")
@click.option(
    "--endpoint-url", help="S3-compatible store other than AWS, e.g. https://oss-cn-hangzhou.aliyuncs.com."
)
@click.option("--prune", is_flag=True, help="Delete objects the new version no longer uses, once it is live.")
@click.option("--dry-run", is_flag=True, help="List what would change; change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.option("--public-url", help="Base URL visitors use (CDN or website); printed at the end.")
@click.option(
    "--set-cors", "cors", multiple=True, metavar="ORIGIN", help="Let this origin read the tour (repeatable)."
)
@click.option(
    "--public-read", is_flag=True, help="Add a bucket policy so anyone can read the tour's objects."
)
@click.option("--jobs", default=16, show_default=True, type=click.IntRange(1, 128), help="Parallel uploads.")
def publish(
    dist: Path,
    to: str,
    endpoint_url: str | None,
    prune: bool,
    dry_run: bool,
    as_json: bool,
    public_url: str | None,
    cors: tuple[str, ...],
    public_read: bool,
    jobs: int,
) -> None:
    """Publish the built tour DIST to a folder or S3-compatible storage, changed objects only."""
    started = time.perf_counter()
    public_url = check_public_url(public_url) if public_url else None
    target = parse_target(to, endpoint_url, jobs)
    origins = check_bucket_options(target, cors, public_read)
    changes = plan(dist, target, jobs)
    if dry_run:
        return show_dry_run(target, changes, prune, as_json, time.perf_counter() - started)
    bucket_settings(target, origins, public_read)
    progress = Progress(len(changes.upload), changes.upload_bytes)
    try:
        summary = apply(target, changes, prune=prune, workers=jobs, done=progress.advance)
    finally:
        progress.close()
    summary.seconds = time.perf_counter() - started
    show_result(target, changes, summary, prune, as_json, public_url)
