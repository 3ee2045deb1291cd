"""Bucket settings a tour needs: CORS for the service's origin, anonymous read for the bucket's HTTP endpoint.

Both merge into what the bucket already has: only the rule or statement hallbuilder owns is replaced.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from hallbuilder.errors import PublishError
from hallbuilder.publish.targets.s3_errors import explain

if TYPE_CHECKING:
    from hallbuilder.publish.targets.s3 import S3Target

CORS_RULE_ID = "hallbuilder"


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def cors_rule(origins: list[str]) -> dict:
    """Read-only access from the given origins: the viewer fetches tour.json and loads tiles into WebGL."""
    return {
        "ID": CORS_RULE_ID,
        "AllowedOrigins": origins,
        "AllowedMethods": ["GET", "HEAD"],
        "AllowedHeaders": ["*"],
        "ExposeHeaders": ["ETag", "Content-Length", "Content-Type"],
        "MaxAgeSeconds": 86400,
    }


def set_cors(target: S3Target, origins: list[str]) -> None:
    """Replace hallbuilder's CORS rule on the bucket, keeping every other rule."""
    client = target.client
    try:
        try:
            rules = client.get_bucket_cors(Bucket=target.bucket)["CORSRules"]
        except ClientError as error:
            if _code(error) != "NoSuchCORSConfiguration":
                raise
            rules = []
        kept = [rule for rule in rules if rule.get("ID") != CORS_RULE_ID]
        client.put_bucket_cors(
            Bucket=target.bucket, CORSConfiguration={"CORSRules": [*kept, cors_rule(origins)]}
        )
    except (BotoCoreError, ClientError) as error:
        raise PublishError(
            "--set-cors: " + explain(error, target.name, target.bucket, target.endpoint_url)
        ) from None


def public_read_statement(bucket: str, prefix: str) -> dict:
    """Anyone may GET objects under the tour's prefix, and nothing else."""
    sid = "HallbuilderPublicRead" + hashlib.sha256(prefix.encode()).hexdigest()[:8]
    return {
        "Sid": sid,
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{bucket}/{prefix}*",
    }


def allow_public_read(target: S3Target) -> None:
    """Add (or refresh) hallbuilder's public-read statement in the bucket policy."""
    client = target.client
    statement = public_read_statement(target.bucket, target.prefix)
    try:
        try:
            policy = json.loads(client.get_bucket_policy(Bucket=target.bucket)["Policy"])
        except ClientError as error:
            if _code(error) != "NoSuchBucketPolicy":
                raise
            policy = {"Version": "2012-10-17", "Statement": []}
        others = [item for item in policy.get("Statement", []) if item.get("Sid") != statement["Sid"]]
        policy["Statement"] = [*others, statement]
        client.put_bucket_policy(Bucket=target.bucket, Policy=json.dumps(policy))
    except ClientError as error:
        if _code(error) == "AccessDenied":
            raise PublishError(
                f"--public-read: {target.name}: the bucket refused a public policy: turn off "
                "'Block public access' for this bucket, or leave out --public-read and serve through a CDN."
            ) from None
        raise PublishError(
            "--public-read: " + explain(error, target.name, target.bucket, target.endpoint_url)
        ) from None
    except BotoCoreError as error:
        raise PublishError(
            "--public-read: " + explain(error, target.name, target.bucket, target.endpoint_url)
        ) from None
