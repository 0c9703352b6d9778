"""Each blob store keeps what it is given, byte for byte, once: files on disk, rows of the
server's database (SQLite and PostgreSQL), and objects of an S3-speaking server on
loopback (moto's server, over real HTTP). And a server on an S3 store serves the photos a
device uploads."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from loopback import free_port
from sync_world import Device, LiveServer

from fieldapp.store.opening import close_store
from sync.protocol import API_PREFIX
from sync.server.blob_store import CHUNK, BadBlobStore, BlobStore, open_blob_store, resolve_spec

BUCKET = "fieldapp-blobs"


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    pytest.importorskip("boto3")
    server_module = pytest.importorskip("moto.server")
    port = free_port()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        import boto3

        endpoint = f"http://127.0.0.1:{port}"
        boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(
            Bucket=BUCKET
        )
        yield endpoint
    finally:
        close_store()
        server.stop()


@pytest.fixture(params=["files", "database", "s3"])
def store(request: pytest.FixtureRequest, server_db_url: str, tmp_path: Path) -> BlobStore:
    from sync.server import db as server_db

    server_db.open_database(server_db_url)
    server_db.init_schema()
    if request.param == "files":
        return open_blob_store(f"files:{tmp_path / 'blobs'}")
    if request.param == "database":
        return open_blob_store("database")
    endpoint = request.getfixturevalue("s3_endpoint")
    return open_blob_store(f"s3://{BUCKET}/town-t1?endpoint={endpoint}")


def test_a_store_keeps_a_large_blob_whole_and_once(store: BlobStore) -> None:
    data = os.urandom(2 * CHUNK + 12345)  # three chunks, the last one short
    sha = hashlib.sha256(data).hexdigest()
    assert store.size(sha) is None
    with pytest.raises(KeyError):
        store.read(sha)
    pieces = [data[i : i + 70000] for i in range(0, len(data), 70000)]  # as a request streams
    store.write(sha, pieces)
    store.write(sha, [b"not these bytes: a second write of a held blob keeps the first"])
    assert store.size(sha) == len(data)
    assert b"".join(store.read(sha)) == data
    empty = hashlib.sha256(b"").hexdigest()
    store.write(empty, [])
    assert store.size(empty) == 0 and b"".join(store.read(empty)) == b""


def test_the_default_store_is_the_database_on_postgresql_and_files_on_sqlite(
    tmp_path: Path,
) -> None:
    assert resolve_spec(None, "postgresql://x@127.0.0.1/city") == "database"
    assert resolve_spec(None, f"sqlite:///{tmp_path}/s.sqlite3") == f"files:{tmp_path / 'blobs'}"
    assert resolve_spec(None, "postgresql://x@h/c", blob_dir=tmp_path) == f"files:{tmp_path}"
    with pytest.raises(BadBlobStore, match="files:DIR, database"):
        open_blob_store("ftp://somewhere")
    with pytest.raises(BadBlobStore, match="needs a bucket"):
        open_blob_store("s3:///no-bucket")


def test_a_server_on_s3_serves_what_a_device_uploaded(
    seed, server_db_url: str, server_workdir: Path, s3_endpoint: str, tmp_path: Path
) -> None:
    prefix = f"server-{os.urandom(4).hex()}"  # the bucket outlives each test
    server = LiveServer(
        server_db_url,
        server_workdir,
        blob_store=f"s3://{BUCKET}/{prefix}?endpoint={s3_endpoint}",
        env={"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"},
    )
    server.start()
    try:
        device = Device(tmp_path / "devices" / "insp", server).enroll("p-insp")
        data = b"\xff\xd8 hydrant cap missing \xff\xd9"
        sha = hashlib.sha256(data).hexdigest()
        url = f"{server.url}{API_PREFIX}/blobs/{sha}"
        headers = {"Authorization": f"Bearer {device.token}"}
        assert httpx.put(url, content=data, headers=headers).status_code == 201
        answer = httpx.get(url, headers=headers)
        assert answer.status_code == 200 and answer.content == data
        import boto3

        s3 = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
        key = f"{prefix}/{sha[:2]}/{sha}"
        assert s3.get_object(Bucket=BUCKET, Key=key)["Body"].read() == data  # in the bucket
        assert not (server_workdir / "server-blobs").exists()  # and not on the disk
    finally:
        close_store()
        server.stop()
