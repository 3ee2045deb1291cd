"""Publishing to S3 or any S3-compatible store (MinIO, Aliyun OSS, Tencent COS, R2 ...) through boto3.

Credentials come from the standard AWS chain (environment, ~/.aws, AWS_PROFILE, instance roles). botocore's
"standard" retry mode backs off on throttling and server errors; big files go through the transfer manager.
"""

from __future__ import annotations

import io
from pathlib import Path

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

from hallbuilder.errors import PublishError
from hallbuilder.publish.plan import PART_SIZE, Item
from hallbuilder.publish.targets import RECORD_KEY, dump_record, parse_record, s3_access
from hallbuilder.publish.targets.s3_errors import explain

RETRIES = 8


def normal_etag(etag: str) -> str:
    """Stores differ in quoting and case (Aliyun OSS sends upper-case hex)."""
    return etag.strip('"').lower()


class S3Target:
    compress = True
    is_bucket = True

    def __init__(self, bucket: str, prefix: str, endpoint_url: str | None = None, workers: int = 16) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.endpoint_url = endpoint_url
        self.name = f"s3://{bucket}/{self.prefix}"
        self.client = self._client(workers, RETRIES)
        self.transfer = TransferConfig(
            multipart_threshold=PART_SIZE, multipart_chunksize=PART_SIZE, max_concurrency=4
        )

    def _client(self, workers: int, attempts: int):
        config = Config(
            retries={"mode": "standard", "max_attempts": attempts},
            max_pool_connections=workers + 8,
            connect_timeout=5,
            read_timeout=60,
            # S3-compatible stores often reject the newer default checksums (boto3 >= 1.36)
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
        return boto3.session.Session().client("s3", endpoint_url=self.endpoint_url, config=config)

    def _fail(self, error: Exception, key: str = "") -> PublishError:
        return PublishError(explain(error, self.name, self.bucket, self.endpoint_url, key))

    def _fail_option(self, option: str, error: Exception, refused: str) -> PublishError:
        """A bucket setting failed; a refusal gets `refused`, what that setting needs beyond publishing."""
        if isinstance(error, ClientError) and s3_access.error_code(error) == "AccessDenied":
            return PublishError(f"{option}: {self.name}: access denied: {refused.format(bucket=self.bucket)}")
        return PublishError(f"{option}: " + explain(error, self.name, self.bucket, self.endpoint_url))

    def connect(self) -> None:
        if boto3.session.Session().get_credentials() is None:
            raise self._fail(NoCredentialsError())
        try:
            self._client(1, 2).head_bucket(Bucket=self.bucket)
        except (BotoCoreError, ClientError) as error:
            raise self._fail(error) from None

    def check_source(self, dist: Path) -> None:
        """Any build can go to a bucket."""

    def listing(self) -> dict[str, str]:
        found: dict[str, str] = {}
        try:
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=self.prefix
            )
            for page in pages:
                for entry in page.get("Contents", []):
                    key = entry["Key"][len(self.prefix) :]
                    if key != RECORD_KEY:
                        found[key] = normal_etag(entry.get("ETag", ""))
        except (BotoCoreError, ClientError) as error:
            raise self._fail(error) from None
        return found

    def read_record(self) -> dict[str, list[str]]:
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=self.prefix + RECORD_KEY)["Body"].read()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return {}
            raise self._fail(error, RECORD_KEY) from None
        except BotoCoreError as error:
            raise self._fail(error, RECORD_KEY) from None
        return parse_record(body)

    def write_record(self, record: dict[str, list[str]]) -> None:
        self._put_bytes(
            RECORD_KEY, dump_record(record), {"ContentType": "application/json", "CacheControl": "no-cache"}
        )

    def _extra(self, item: Item) -> dict[str, str]:
        extra = {"ContentType": item.content_type, "CacheControl": item.cache_control}
        if item.encoding:
            extra["ContentEncoding"] = item.encoding
        return extra

    def _put_bytes(self, key: str, data: bytes, extra: dict[str, str]) -> str:
        try:
            answer = self.client.put_object(Bucket=self.bucket, Key=self.prefix + key, Body=data, **extra)
        except (BotoCoreError, ClientError) as error:
            raise self._fail(error, key) from None
        return normal_etag(answer.get("ETag", ""))

    def put(self, item: Item) -> str:
        if item.size < PART_SIZE:
            data = item.data if item.data is not None else item.path.read_bytes()
            return self._put_bytes(item.key, data, self._extra(item))
        try:
            source = io.BytesIO(item.data) if item.data is not None else item.path.open("rb")
            with source:
                self.client.upload_fileobj(
                    source,
                    self.bucket,
                    self.prefix + item.key,
                    ExtraArgs=self._extra(item),
                    Config=self.transfer,
                )
            answer = self.client.head_object(Bucket=self.bucket, Key=self.prefix + item.key)
        except (BotoCoreError, ClientError) as error:
            raise self._fail(error, item.key) from None
        except Exception as error:  # boto3.exceptions.S3UploadFailedError wraps the ClientError
            cause = error.__cause__ or error.__context__
            raise self._fail(cause if isinstance(cause, Exception) else error, item.key) from None
        return normal_etag(answer.get("ETag", ""))

    def delete(self, keys: list[str]) -> None:
        for start in range(0, len(keys), 1000):
            batch = [{"Key": self.prefix + key} for key in keys[start : start + 1000]]
            try:
                answer = self.client.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True}
                )
            except (BotoCoreError, ClientError) as error:
                raise self._fail(error) from None
            if answer.get("Errors"):
                first = answer["Errors"][0]
                raise PublishError(
                    f"{self.name}{first['Key'][len(self.prefix) :]}: cannot delete ({first.get('Code')}): "
                    "the credentials need s3:DeleteObject for --prune."
                )

    def direct_url(self) -> str | None:
        endpoint = (self.client.meta.endpoint_url or "").rstrip("/")
        return f"{endpoint}/{self.bucket}/{self.prefix}index.html"

    def set_cors(self, origins: list[str]) -> None:
        try:
            s3_access.set_cors(self.client, self.bucket, origins)
        except (BotoCoreError, ClientError) as error:
            refused = (
                "the credentials need s3:GetBucketCORS and s3:PutBucketCORS on bucket '{bucket}'; "
                "or leave out --set-cors and set CORS in your storage console."
            )
            raise self._fail_option("--set-cors", error, refused) from None

    def allow_public_read(self) -> None:
        try:
            s3_access.allow_public_read(self.client, self.bucket, self.prefix)
        except (BotoCoreError, ClientError) as error:
            refused = (
                "the credentials need s3:GetBucketPolicy and s3:PutBucketPolicy on bucket '{bucket}', and its "
                "'Block public access' must allow bucket policies; or leave out --public-read and serve the "
                "tour through a CDN."
            )
            raise self._fail_option("--public-read", error, refused) from None
