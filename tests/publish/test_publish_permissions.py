"""Publishing with real permission checks: moto verifies each signed request against the key's IAM policy.

moto lets every request through unless told otherwise; its `/moto-api/reset-auth` (the server form of
INITIAL_NO_AUTH_ACTION_COUNT) turns the checks on for the rest of one test, after the accounts are made.
"""

from __future__ import annotations

import json
import urllib.request
import uuid
from collections.abc import Iterator

import boto3
import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli

# docs/publish.md: "The key needs s3:ListBucket, s3:GetObject and s3:PutObject on the bucket, plus
# s3:DeleteObject for --prune"
DOCUMENTED = ["s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
# moto checks HeadBucket against an action of that name; AWS checks s3:ListBucket (there is no s3:HeadBucket)
MOTO_HEAD_BUCKET = "s3:HeadBucket"
# moto ≥ 5.2 checks some requests against action names AWS does not use (AWS checks the key's right): an AWS
# action → the extra names moto checks for the same requests
MOTO_ALIASES = {
    "s3:ListBucket": ["s3:ListObjectsV2"],
    "s3:DeleteObject": ["s3:DeleteObjects"],
    "s3:GetBucketCORS": ["s3:GetBucketCors"],  # IAM action names are case-insensitive on AWS, not in moto
    "s3:PutBucketCORS": ["s3:PutBucketCors"],
}


def moto_actions(actions: list[str]) -> list[str]:
    """The IAM actions as moto names them, for a key that AWS would allow `actions`."""
    return [
        *actions,
        MOTO_HEAD_BUCKET,
        *(alias for action in actions for alias in MOTO_ALIASES.get(action, [])),
    ]


def set_auth(endpoint: str, free_requests: str) -> None:
    """How many requests moto lets through unchecked from now on ("0": none, "inf": all)."""
    request = urllib.request.Request(
        f"{endpoint}/moto-api/reset-auth",
        data=free_requests.encode(),
        headers={"Content-Type": "text/plain"},  # moto reads the raw body, not a form
        method="POST",
    )
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 200


@pytest.fixture
def key_with(moto_endpoint: str, aws_env: None, bucket: str, monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """key_with(actions): puts an IAM key allowed only `actions` on the bucket in the environment, and
    turns moto's permission checks on until the test ends."""
    iam = boto3.client("iam", endpoint_url=moto_endpoint)

    def make(actions: list[str]) -> None:
        set_auth(moto_endpoint, "inf")  # accounts are made unchecked
        user = f"publisher-{uuid.uuid4().hex[:8]}"
        iam.create_user(UserName=user)
        statement = {
            "Effect": "Allow",
            "Action": moto_actions(actions),
            "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"],
        }
        iam.put_user_policy(
            UserName=user,
            PolicyName="publish",
            PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [statement]}),
        )
        key = iam.create_access_key(UserName=user)["AccessKey"]
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", key["AccessKeyId"])
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", key["SecretAccessKey"])
        set_auth(moto_endpoint, "0")  # every request from here on is checked

    yield make
    set_auth(moto_endpoint, "inf")


def run(dist, bucket: str, endpoint: str, *options: str):
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
    return CliRunner().invoke(cli, args)


def test_the_documented_permissions_are_enough_to_publish_and_prune(
    make_dist, key_with, bucket, moto_endpoint
):
    key_with(DOCUMENTED)
    first = run(make_dist("v1"), bucket, moto_endpoint)
    assert first.exit_code == 0, first.output
    second = run(make_dist("v2", seeds={"lobby": 3, "gallery": 2}), bucket, moto_endpoint, "--prune")
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout)["removed"] > 0


def test_a_key_that_may_not_write_is_refused_with_the_permissions_it_needs(
    make_dist, key_with, bucket, moto_endpoint
):
    key_with(["s3:ListBucket", "s3:GetObject"])
    result = run(make_dist(), bucket, moto_endpoint)
    assert result.exit_code == 1
    assert "access denied to " in result.output
    assert (
        f"the credentials need s3:ListBucket, s3:GetObject and s3:PutObject on bucket '{bucket}'"
        in result.output
    )


def test_a_key_that_is_unknown_to_the_store_is_refused(
    make_dist, key_with, bucket, moto_endpoint, monkeypatch
):
    key_with(DOCUMENTED)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIANOTAKEY000000000")
    result = run(make_dist(), bucket, moto_endpoint)
    assert result.exit_code == 1
    # the first request is a HEAD, whose refusal has no body to tell a wrong key from a missing permission
    assert result.output == (
        f"s3://{bucket}/hall/: access denied to bucket '{bucket}': check the credentials and the bucket's "
        "permissions.\n"
    )


def test_the_documented_permissions_are_enough_for_cors_and_public_read(
    make_dist, key_with, bucket, moto_endpoint
):
    # docs/publish.md: "s3:GetBucketCORS and s3:PutBucketCORS for --set-cors", "s3:GetBucketPolicy and
    # s3:PutBucketPolicy for --public-read"
    key_with(
        [*DOCUMENTED, "s3:GetBucketCORS", "s3:PutBucketCORS", "s3:GetBucketPolicy", "s3:PutBucketPolicy"]
    )
    result = run(
        make_dist(), bucket, moto_endpoint, "--set-cors", "https://hall.example.com", "--public-read"
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("option", "granted", "fix"),
    [
        (
            "--set-cors",
            ["s3:PutBucketCORS"],
            "the credentials need s3:GetBucketCORS and s3:PutBucketCORS on bucket '{bucket}'; "
            "or leave out --set-cors and set CORS in your storage console.",
        ),
        (
            "--public-read",
            ["s3:PutBucketPolicy"],
            "the credentials need s3:GetBucketPolicy and s3:PutBucketPolicy on bucket '{bucket}', and its "
            "'Block public access' must allow bucket policies; or leave out --public-read and serve the tour "
            "through a CDN.",
        ),
    ],
)
def test_a_bucket_setting_refused_names_what_it_needs(
    make_dist, key_with, bucket, moto_endpoint, option, granted, fix
):
    key_with([*DOCUMENTED, *granted])
    extra = [option, "https://hall.example.com"] if option == "--set-cors" else [option]
    result = run(make_dist(), bucket, moto_endpoint, *extra)
    assert result.exit_code == 1
    assert result.output == f"{option}: s3://{bucket}/hall/: access denied: {fix.format(bucket=bucket)}\n"
