"""The database tables of blob bytes: a `database` store's chunks, and the parts of
resumable uploads not yet finished (kept here whatever the store, so any server behind a
load balancer can take the next part)."""

from __future__ import annotations

from peewee import BlobField, CharField, CompositeKey, IntegerField

from sync.server.models import ServerModel


class BlobChunk(ServerModel):
    sha256 = CharField()
    seq = IntegerField()  # 0, 1, 2 … in order; each at most blob_store.CHUNK bytes
    data = BlobField()

    class Meta:
        table_name = "blob_chunk"
        primary_key = CompositeKey("sha256", "seq")


class UploadPart(ServerModel):
    sha256 = CharField()
    offset = IntegerField()  # where these bytes start in the file
    size = IntegerField()
    data = BlobField()

    class Meta:
        table_name = "blob_upload_part"
        primary_key = CompositeKey("sha256", "offset")


BLOB_STORE_MODELS = [BlobChunk, UploadPart]
