"""Blobs as objects of an S3-compatible store (MinIO, Ceph, 阿里云 OSS) through boto3.

Objects are named `PREFIX/ab/abcdef…`. Credentials come from boto3's usual places
(AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or a profile), never from the command line.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

from sync.server.blob_store import CHUNK, BadBlobStore


class S3BlobStore:
    def __init__(
        self, *, bucket: str, prefix: str = "", endpoint: str | None, region: str | None
    ) -> None:
        try:
            import boto3
            from botocore.config import Config
        except ImportError:
            raise BadBlobStore("an S3 blob store needs boto3: pip install 'fieldapp[s3]'") from None
        self.bucket = bucket
        self.prefix = prefix
        self.endpoint = endpoint
        self.client: Any = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=region or "us-east-1",
            config=Config(retries={"max_attempts": 5, "mode": "standard"}),
        )

    def key(self, sha256: str) -> str:
        name = f"{sha256[:2]}/{sha256}"
        return f"{self.prefix}/{name}" if self.prefix else name

    def size(self, sha256: str) -> int | None:
        from botocore.exceptions import ClientError

        try:
            head = self.client.head_object(Bucket=self.bucket, Key=self.key(sha256))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return None
            raise
        return int(head["ContentLength"])

    def read(self, sha256: str) -> Iterator[bytes]:
        from botocore.exceptions import ClientError

        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self.key(sha256))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                raise KeyError(sha256) from None
            raise
        return iter(answer["Body"].iter_chunks(CHUNK))

    def write(self, sha256: str, chunks: Iterable[bytes]) -> None:
        if self.size(sha256) is not None:
            return
        # upload_fileobj sends a large file in parts; S3 answers only once it is stored.
        self.client.upload_fileobj(_Reader(chunks), self.bucket, self.key(sha256))

    def describe(self) -> str:
        where = f" at {self.endpoint}" if self.endpoint else ""
        return f"s3://{self.bucket}/{self.prefix}{where}"


class _Reader(io.RawIOBase):
    """An iterable of byte chunks as a readable file, for upload_fileobj."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._buffer:
            try:
                self._buffer = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size
