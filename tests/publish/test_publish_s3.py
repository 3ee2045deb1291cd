"""Publishing to S3 through a real moto server over HTTP: headers, incremental sync, order, prune, dry run."""

from __future__ import annotations

import gzip
import json
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli
from hallbuilder.errors import PublishError
from hallbuilder.publish.targets.s3 import S3Target

IMMUTABLE = "public, max-age=31536000, immutable"


def publish(dist, bucket, endpoint, *options: str):
    """Run `hallbuilder publish ... --json` and return the parsed summary."""
    args = [
        "publish",
        str(dist),
        "--to",
        f"s3://{bucket}/hall/",
        "--endpoint-url",
        endpoint,
        "--json",
        *options,
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def keys(s3, bucket: str) -> set[str]:
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="hall/")
    return {entry["Key"][len("hall/") :] for page in pages for entry in page.get("Contents", [])}


def get(s3, bucket: str, key: str) -> bytes:
    """The bytes a browser ends up with (boto3 does not decompress, so undo gzip like a browser would)."""
    answer = s3.get_object(Bucket=bucket, Key=f"hall/{key}")
    data = answer["Body"].read()
    return gzip.decompress(data) if answer.get("ContentEncoding") == "gzip" else data


def test_every_kind_of_file_gets_its_content_type_cache_control_and_encoding(
    make_dist, s3, bucket, moto_endpoint
):
    dist = make_dist()
    summary = publish(dist, bucket, moto_endpoint)
    stored = keys(s3, bucket)
    assert not any(key.endswith((".br", ".gz")) for key in stored)
    js = next(key for key in stored if key.endswith(".js"))
    css = next(key for key in stored if key.endswith(".css"))
    tile = next(key for key in stored if key.endswith("tiles/0/front/0_0.jpg"))
    media = {key.rsplit(".", 1)[1]: key for key in stored if key.startswith("media/")}
    expected = {
        "index.html": ("text/html; charset=utf-8", "no-cache", "gzip"),
        "tour.json": ("application/json", "no-cache", "gzip"),
        js: ("text/javascript; charset=utf-8", IMMUTABLE, "gzip"),
        css: ("text/css; charset=utf-8", IMMUTABLE, "gzip"),
        tile: ("image/jpeg", IMMUTABLE, None),
        media["webp"]: ("image/webp", IMMUTABLE, None),
        media["png"]: ("image/png", IMMUTABLE, None),
        media["svg"]: ("image/svg+xml", IMMUTABLE, None),  # too small to be worth compressing
        media["mp3"]: ("audio/mpeg", IMMUTABLE, None),
        media["m4a"]: ("audio/mp4", IMMUTABLE, None),
        media["ogg"]: ("audio/ogg", IMMUTABLE, None),
        media["mp4"]: ("video/mp4", IMMUTABLE, None),
        media["vtt"]: ("text/vtt; charset=utf-8", IMMUTABLE, None),
        ".hallbuilder-publish.json": ("application/json", "no-cache", None),
    }
    for key, (content_type, cache_control, encoding) in expected.items():
        head = s3.head_object(Bucket=bucket, Key=f"hall/{key}")
        assert (head["ContentType"], head["CacheControl"], head.get("ContentEncoding")) == (
            content_type,
            cache_control,
            encoding,
        ), key
    assert summary["uploaded"] == len(stored) - 1  # everything but the publish record
    assert get(s3, bucket, js) == (dist / js).read_bytes()
    assert get(s3, bucket, "tour.json") == (dist / "tour.json").read_bytes()


def test_publishing_an_unchanged_build_again_uploads_nothing(make_dist, s3, bucket, moto_endpoint):
    big = bytes(range(256)) * 40_000  # 10 MB: sent in two parts by the transfer manager
    first = publish(make_dist(big_media=big), bucket, moto_endpoint)
    again = publish(make_dist("rebuilt", big_media=big), bucket, moto_endpoint)
    assert first["uploaded"] == 31
    assert again == {"uploaded": 0, "unchanged": 31, "removed": 0, "bytes": 0, "seconds": again["seconds"]}
    sizes = {key: s3.head_object(Bucket=bucket, Key=f"hall/{key}") for key in keys(s3, bucket)}
    assert [head["ETag"][-3:] for head in sizes.values() if head["ContentLength"] > 8_000_000] == ['-2"']


def test_a_changed_hotspot_uploads_only_the_manifest(make_dist, s3, bucket, moto_endpoint):
    publish(make_dist(), bucket, moto_endpoint)
    summary = publish(make_dist("v2", hotspot_yaw=42.5), bucket, moto_endpoint)
    assert (summary["uploaded"], summary["unchanged"]) == (1, 29)
    assert json.loads(get(s3, bucket, "tour.json"))["scenes"][0]["hotspots"][0]["yaw"] == 42.5


def test_a_changed_title_uploads_the_manifest_and_the_index(make_dist, s3, bucket, moto_endpoint):
    publish(make_dist(), bucket, moto_endpoint)
    summary = publish(make_dist("v2", title="New hall"), bucket, moto_endpoint)
    assert (summary["uploaded"], summary["unchanged"]) == (2, 28)
    assert b"<title>New hall</title>" in get(s3, bucket, "index.html")


def test_a_reshot_photo_uploads_only_that_scenes_new_files(make_dist, s3, bucket, moto_endpoint):
    publish(make_dist(), bucket, moto_endpoint)
    before = keys(s3, bucket)
    summary = publish(make_dist("v2", seeds={"lobby": 5, "gallery": 2}), bucket, moto_endpoint)
    added = keys(s3, bucket) - before
    assert summary["uploaded"] == 10  # 6 tiles, base, thumb, preview, tour.json
    assert len(added) == 9 and all(key.startswith("scenes/lobby/") for key in added)


def test_prune_deletes_what_the_new_version_no_longer_uses(make_dist, s3, bucket, moto_endpoint):
    publish(make_dist(), bucket, moto_endpoint)
    old_lobby = {key for key in keys(s3, bucket) if key.startswith("scenes/lobby/")}
    s3.put_object(Bucket=bucket, Key="hall/robots.txt", Body=b"User-agent: *\n")  # not ours: kept
    kept = publish(make_dist("v2", seeds={"lobby": 5, "gallery": 2}), bucket, moto_endpoint)
    assert kept["removed"] == 0 and old_lobby <= keys(s3, bucket)
    pruned = publish(make_dist("v3", seeds={"lobby": 5, "gallery": 2}), bucket, moto_endpoint, "--prune")
    assert (pruned["uploaded"], pruned["removed"]) == (0, 9)
    assert not old_lobby & keys(s3, bucket)
    assert "robots.txt" in keys(s3, bucket)


def test_dry_run_lists_the_changes_and_changes_nothing(make_dist, s3, bucket, moto_endpoint):
    publish(make_dist(), bucket, moto_endpoint)
    before = {key: s3.head_object(Bucket=bucket, Key="hall/" + key)["ETag"] for key in keys(s3, bucket)}
    args = [
        "publish",
        str(make_dist("v2", seeds={"lobby": 1}, hotspot_yaw=3.0)),
        "--to",
        f"s3://{bucket}/hall/",
        "--endpoint-url",
        moto_endpoint,
        "--dry-run",
        "--prune",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[:2] for line in lines[:-1]] == [["upload", "changed"]] + [
        ["delete", "scenes/gallery/" + line.split("scenes/gallery/")[-1]] for line in lines[1:-1]
    ]
    assert lines[0].endswith("tour.json") and len(lines) == 11
    assert lines[-1] == (
        f"Dry run for s3://{bucket}/hall/: 1 to upload ({lines[0].split()[2]} B), "
        "20 unchanged, 9 to remove. Nothing was changed."
    )
    after = {key: s3.head_object(Bucket=bucket, Key="hall/" + key)["ETag"] for key in keys(s3, bucket)}
    assert after == before


def test_an_interrupted_publish_keeps_the_old_tour_and_the_next_run_finishes(
    make_dist, s3, bucket, moto_endpoint, monkeypatch
):
    publish(make_dist(), bucket, moto_endpoint)
    old_tour, old_index = get(s3, bucket, "tour.json"), get(s3, bucket, "index.html")
    new = make_dist("v2", seeds={"lobby": 5, "gallery": 6}, title="New hall")
    real_put, calls = S3Target.put, []

    def failing_put(self, item):
        calls.append(item.key)
        if len(calls) > 8:
            raise PublishError(f"simulated network failure on {item.key}")
        real_put(self, item)

    monkeypatch.setattr(S3Target, "put", failing_put)
    args = [
        "publish",
        str(new),
        "--to",
        f"s3://{bucket}/hall/",
        "--endpoint-url",
        moto_endpoint,
        "--jobs",
        "2",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr.startswith("simulated network failure on scenes/")
    assert (get(s3, bucket, "tour.json"), get(s3, bucket, "index.html")) == (
        old_tour,
        old_index,
    )
    for scene in json.loads(old_tour)["scenes"]:  # the old tour is complete and consistent
        for name in ("base", "thumb"):
            assert get(s3, bucket, scene["panorama"][name])
    monkeypatch.setattr(S3Target, "put", real_put)
    finished = publish(new, bucket, moto_endpoint)
    assert (finished["uploaded"], finished["unchanged"]) == (20 - 8, 10 + 8)
    assert get(s3, bucket, "tour.json") == (new / "tour.json").read_bytes()
    assert b"New hall" in get(s3, bucket, "index.html")


def test_entry_points_are_uploaded_last_tour_before_index(make_dist, bucket, moto_endpoint, monkeypatch):
    real_put, order = S3Target.put, []
    monkeypatch.setattr(S3Target, "put", lambda self, item: (order.append(item.key), real_put(self, item)))
    publish(make_dist(), bucket, moto_endpoint)
    assert order[-2:] == ["tour.json", "index.html"] and len(order) == 30


def test_the_summary_line_and_the_bucket_url(make_dist, bucket, moto_endpoint):
    args = ["publish", str(make_dist()), "--to", f"s3://{bucket}/hall", "--endpoint-url", moto_endpoint]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    summary, url = result.stdout.splitlines()
    assert summary.startswith(f"Published to s3://{bucket}/hall/: 30 uploaded, 0 unchanged, 0 removed, ")
    assert url == f"Straight from the bucket: {moto_endpoint}/{bucket}/hall/index.html"
    again = CliRunner().invoke(cli, [*args, "--public-url", "https://hall.example.com/demo"])
    assert again.stdout.splitlines()[1] == "Visitors open: https://hall.example.com/demo/"


def test_set_cors_and_public_read_let_browsers_read_the_tour(make_dist, s3, bucket, moto_endpoint):
    s3.put_bucket_cors(
        Bucket=bucket,
        CORSConfiguration={
            "CORSRules": [
                {"ID": "other", "AllowedOrigins": ["https://other.example"], "AllowedMethods": ["PUT"]}
            ]
        },
    )
    s3.put_object(Bucket=bucket, Key="private/notes.txt", Body=b"not for visitors")
    publish(make_dist(), bucket, moto_endpoint)
    assert (
        anonymous_status(f"{moto_endpoint}/{bucket}/hall/index.html") == 403
    )  # the store checks: not yet public
    for _ in range(2):  # applying again replaces our rule instead of adding a second one
        publish(make_dist(), bucket, moto_endpoint, "--set-cors", "https://hall.example.com", "--public-read")
    rules = s3.get_bucket_cors(Bucket=bucket)["CORSRules"]
    assert [rule.get("ID") for rule in rules] == ["other", "hallbuilder"]
    assert rules[1]["AllowedOrigins"] == ["https://hall.example.com"]
    assert rules[1]["AllowedMethods"] == ["GET", "HEAD"]
    policy = json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])
    assert [statement["Resource"] for statement in policy["Statement"]] == [f"arn:aws:s3:::{bucket}/hall/*"]
    assert anonymous_status(f"{moto_endpoint}/{bucket}/hall/index.html") == 200
    assert anonymous_status(f"{moto_endpoint}/{bucket}/private/notes.txt") == 403  # only the tour's prefix


def anonymous_status(url: str) -> int:
    """A visitor's unsigned GET (moto checks bucket policy and ACL for unsigned object reads)."""
    try:
        with urllib.request.urlopen(url) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--set-cors", "https://hall.example.com/path"],
            "--set-cors https://hall.example.com/path: not an origin: "
            "write it like https://hall.example.com (scheme, host and port only, no path).",
        ),
        (
            ["--public-url", "hall.example.com"],
            "--public-url hall.example.com: not a web address: write it like "
            "https://cdn.example.com/hall/ (no #, no spaces).",
        ),
    ],
)
def test_bad_options_are_named_with_the_fix(make_dist, bucket, moto_endpoint, options, message):
    args = [
        "publish",
        str(make_dist()),
        "--to",
        f"s3://{bucket}/hall/",
        "--endpoint-url",
        moto_endpoint,
        *options,
    ]
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.stderr) == (1, message + "\n")
