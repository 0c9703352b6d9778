"""Photos of other devices: which referenced blobs this device lacks, and storing one.

Pulled findings, hazard events and answers name their photos by sha256; the bytes come
separately (GET /blobs/{sha256}) after the pull. A blob is "missing" while this device
has no Blob row for it — a downloaded one gets its row only after its file is in place,
so a crash between the two is found again and repaired from the file. The scan reads the
photo columns with SQLite's json_each, skipping the (many) rows without photos; measured
at ~0.1 s per million answer rows, so it runs on every sync instead of keeping a list.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path

from fieldapp.domain.clock import now_iso
from fieldapp.store.db import db, write_transaction
from fieldapp.store.models import Blob

SHA256 = re.compile(r"^[0-9a-f]{64}$")

# Findings first (the review detail shows them), then hazard events, answers, incidents
# and their events, activities held, patrol visits; incidents' video and audio last
# (large, and never in the way of the photos); newest records first within each. The
# scan runs on every sync: a visit pulled before its photos were fetched is found again.
_PHOTO_TABLES = (
    "finding", "finding_event", "answer", "incident", "incident_event", "activity", "patrol_scan",
)  # fmt: skip
_MISSING_SQL = (
    " UNION ALL ".join(
        [
            f"SELECT j.value, {rank}, t.rowid FROM {table} t, json_each(t.photos) j"
            " WHERE t.photos IS NOT NULL AND t.photos <> '[]' AND j.type = 'text'"
            " AND j.value NOT IN (SELECT sha256 FROM blob)"
            for rank, table in enumerate(_PHOTO_TABLES)
        ]
        + [
            f"SELECT json_extract(j.value, '$.sha256'), {len(_PHOTO_TABLES)}, t.rowid"
            " FROM incident t, json_each(t.media) j"
            " WHERE t.media IS NOT NULL AND t.media <> '[]' AND j.type = 'object'"
            " AND json_extract(j.value, '$.sha256') NOT IN (SELECT sha256 FROM blob)"
        ]
    )
    + " ORDER BY 2, 3 DESC"
)


def missing_blobs() -> list[str]:
    """sha256 of every photo referenced on this device that it does not hold, in the order
    to fetch them, without repeats (malformed references are left out)."""
    seen: dict[str, None] = {}
    for sha, _rank, _rowid in db.execute_sql(_MISSING_SQL).fetchall():
        if isinstance(sha, str) and SHA256.match(sha):
            seen.setdefault(sha, None)
    return list(seen)


def adopt_file(path: Path, sha: str) -> bool:
    """A file already at `path` with the right content gets its Blob row (True)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if hashlib.sha256(data).hexdigest() != sha:
        return False
    record_blob(sha, len(data))
    return True


def store_blob(path: Path, sha: str, data: bytes) -> None:
    """Write checked bytes atomically (temp file, fsync, rename), then the Blob row."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.part")
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    record_blob(sha, len(data))


def record_blob(sha: str, size: int) -> None:
    # It came from (or is already on) the server: nothing to upload.
    with write_transaction():
        Blob.insert(
            sha256=sha, mime="image/jpeg", size=size, uploaded=True, created_at=now_iso()
        ).on_conflict_ignore().execute()
