"""A `--to` that looks like an address but is not s3://… is refused with its right spelling; nothing is
written, and no folder named after the mistake appears."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli


@pytest.mark.parametrize(
    ("to", "message"),
    [
        (
            "s3:/hall-bucket/red",
            "--to s3:/hall-bucket/red: not an S3 address: write it as s3://hall-bucket/red",
        ),
        (
            "s3//hall-bucket/red",
            "--to s3//hall-bucket/red: not an S3 address: write it as s3://hall-bucket/red",
        ),
        ("S3:/hall-bucket", "--to S3:/hall-bucket: not an S3 address: write it as s3://hall-bucket"),
        (
            "S3://hall-bucket/red/",
            "--to S3://hall-bucket/red/: not an S3 address: write it as s3://hall-bucket/red/",
        ),
        (
            "s3:hall-bucket/red",
            "--to s3:hall-bucket/red: not an S3 address: write it as s3://hall-bucket/red",
        ),
        ("s3:\\hall-bucket", "--to s3:\\hall-bucket: not an S3 address: write it as s3://hall-bucket"),
        (
            "https://hall-bucket.s3.amazonaws.com/red/",
            "--to https://hall-bucket.s3.amazonaws.com/red/: a web address cannot be published to: give the "
            "bucket as s3://BUCKET/PREFIX/ (with --endpoint-url for a store other than AWS) or a folder your "
            "web server serves",
        ),
        (
            "gs://hall-bucket/red/",
            "--to gs://hall-bucket/red/: publish through the store's S3-compatible endpoint: "
            "--to s3://hall-bucket/red/ --endpoint-url https://storage.googleapis.com",
        ),
        (
            "oss://hall-bucket/red/",
            "--to oss://hall-bucket/red/: publish through the store's S3-compatible endpoint: "
            "--to s3://hall-bucket/red/ --endpoint-url https://oss-<region>.aliyuncs.com",
        ),
        (
            "file:///var/www/hall",
            "--to file:///var/www/hall: unknown kind of target: use a folder (./public) or s3://BUCKET/PREFIX/.",
        ),
    ],
)
def test_an_address_that_is_not_s3_is_refused_with_the_right_spelling(
    make_dist, tmp_path, monkeypatch, to, message
):
    dist = make_dist()
    monkeypatch.chdir(tmp_path)
    before = sorted(path.name for path in tmp_path.iterdir())
    result = CliRunner().invoke(cli, ["publish", str(dist), "--to", to])
    assert (result.exit_code, result.stderr) == (1, message + "\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == before


@pytest.mark.parametrize("to", ["public", "s3/red", "C:/www/hall"])
def test_folders_are_still_folders(make_dist, tmp_path, monkeypatch, to):
    dist = make_dist()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["publish", str(dist), "--to", to])
    assert result.exit_code == 0, result.output
    assert (tmp_path / to / "tour.json").read_bytes() == (dist / "tour.json").read_bytes()
