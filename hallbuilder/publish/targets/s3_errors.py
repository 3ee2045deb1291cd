"""botocore exceptions -> one line for staff: what is wrong and how to fix it."""

from __future__ import annotations

from botocore.exceptions import (
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    PartialCredentialsError,
    ReadTimeoutError,
)

CREDENTIALS_FIX = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE), or run `aws configure`, then publish again."

CLIENT_ERRORS = {
    "NoSuchBucket": "bucket '{bucket}' does not exist{at}: create it, or fix the name in --to.",
    "404": "bucket '{bucket}' does not exist{at}: create it, or fix the name in --to.",
    "AccessDenied": "access denied{on}: the credentials need s3:ListBucket, s3:GetObject and s3:PutObject "
    "on bucket '{bucket}' (and s3:DeleteObject for --prune).",
    "403": "access denied to bucket '{bucket}': check the credentials and the bucket's permissions.",
    "InvalidAccessKeyId": "the storage refused the access key: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
    "SignatureDoesNotMatch": "the storage refused the secret key: check AWS_SECRET_ACCESS_KEY.",
    "InvalidBucketName": "'{bucket}' is not a valid bucket name: use lower-case letters, digits and '-'.",
    "AllAccessDisabled": "access to bucket '{bucket}' is disabled: check the bucket in your storage console.",
}


def explain(error: Exception, name: str, bucket: str, endpoint: str | None, key: str = "") -> str:
    """The message for one failure; the target (and object) first, then the fix."""
    where = f"{name}{key}"
    at = f" at {endpoint}" if endpoint else ""
    if isinstance(error, NoCredentialsError | PartialCredentialsError):
        return f"{name}: no storage credentials found: {CREDENTIALS_FIX}"
    if isinstance(error, EndpointConnectionError | ConnectTimeoutError):
        shown = endpoint or "AWS S3"
        return f"{name}: cannot reach the storage endpoint {shown}: check --endpoint-url and the network."
    if isinstance(error, ReadTimeoutError):
        return f"{where}: the storage stopped answering: check the network, then publish again to finish."
    if isinstance(error, ClientError):
        code = str(error.response.get("Error", {}).get("Code", "Unknown"))
        template = CLIENT_ERRORS.get(code)
        if template:
            return f"{name}: " + template.format(bucket=bucket, at=at, on=f" to {key}" if key else "")
        detail = error.response.get("Error", {}).get("Message") or code
        return f"{where}: the storage refused the request ({code}: {detail}); publish again to finish."
    return f"{where}: publishing failed ({type(error).__name__}: {error}); publish again to finish."
