"""Bucket settings a tour needs: CORS for the service's origin, anonymous read for the bucket's HTTP endpoint.

Both merge into what the bucket already has: only the rule or statement hallbuilder owns is replaced. These
are plain boto3 calls that raise boto3's errors; `S3Target` turns them into messages for staff.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from botocore.exceptions import ClientError

CORS_RULE_ID = "hallbuilder"


def error_code(error: ClientError) -> str:
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


def set_cors(client: Any, bucket: str, origins: list[str]) -> None:
    """Replace hallbuilder's CORS rule on the bucket, keeping every other rule."""
    try:
        rules = client.get_bucket_cors(Bucket=bucket)["CORSRules"]
    except ClientError as error:
        if error_code(error) != "NoSuchCORSConfiguration":
            raise
        rules = []
    kept = [rule for rule in rules if rule.get("ID") != CORS_RULE_ID]
    client.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [*kept, cors_rule(origins)]})


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


def allow_public_read(client: Any, bucket: str, prefix: str) -> None:
    """Add (or refresh) hallbuilder's public-read statement in the bucket policy."""
    statement = public_read_statement(bucket, prefix)
    try:
        policy = json.loads(client.get_bucket_policy(Bucket=bucket)["Policy"])
    except ClientError as error:
        if error_code(error) != "NoSuchBucketPolicy":
            raise
        policy = {"Version": "2012-10-17", "Statement": []}
    others = [item for item in policy.get("Statement", []) if item.get("Sid") != statement["Sid"]]
    policy["Statement"] = [*others, statement]
    client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
