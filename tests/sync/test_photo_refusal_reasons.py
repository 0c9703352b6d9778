"""The server's reason for refusing a photo is said in the device's language: a person
read 服务器没有接收…（the uploaded bytes do not match the sha256 in the address; …）. The
server answers every refusal with a code (its ErrorBody `error`); the device words the
codes it knows and shows any other reason as given.

A real server on loopback refuses a real photo of a real inspection made on this device:
the bytes reach it changed on the way (a proxy that mangles uploads), so it answers
hash_mismatch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from inspect_support import answer_every_item
from sync_world import LiveServer, enrolment_code

from fieldapp.domain.clock import now_iso
from fieldapp.i18n import set_language
from fieldapp.services.common import photos
from fieldapp.services.common.checklists import clear_cache, load_checklists
from fieldapp.services.inspection import inspections
from fieldapp.services.syncing.media_problems import warnings_in_words
from fieldapp.store.models import Blob, Venue
from sync.client import SyncClient, SyncResult, enroll_device

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def back_to_chinese() -> Iterator[None]:
    yield
    set_language("zh")


class Mangles(httpx.BaseTransport):
    """The real network to the live server, except that a photo's upload arrives with its
    last byte changed — or, with `refusal`, is refused by a proxy with that answer."""

    def __init__(self, refusal: httpx.Response | None = None) -> None:
        self.real = httpx.HTTPTransport()
        self.refusal = refusal

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method != "PUT" or "/blobs/" not in request.url.path:
            return self.real.handle_request(request)
        if self.refusal is not None:
            return self.refusal
        data = bytearray(request.read())
        data[-1] ^= 0xFF
        headers = {k: v for k, v in request.headers.items() if k != "content-length"}
        changed = httpx.Request("PUT", request.url, headers=headers, content=bytes(data))
        return self.real.handle_request(changed)

    def close(self) -> None:
        self.real.close()


def _inspected_with_a_photo(venue_id: str) -> str:
    inspection_id = inspections.start_inspection(venue_id, presence="manual", reason="closed")
    answer_every_item(inspection_id)
    item = inspections.load(inspection_id).checklist.items[0].code
    data = b"\xff\xd8 a photo of the fire exit " * 40
    sha = hashlib.sha256(data).hexdigest()
    photos.blob_path(sha).write_bytes(data)
    Blob.insert(sha256=sha, mime="image/jpeg", size=len(data), created_at=now_iso()).execute()
    inspections.add_answer_photo(inspection_id, item, sha)
    inspections.submit(inspection_id, "店主")
    return item


def _sync(transport: httpx.BaseTransport) -> SyncResult:
    with SyncClient.from_store(sleep=lambda _s: None, transport=transport) as client:
        return client.sync_once()


@pytest.fixture
def inspected(home: Path, live_server: LiveServer, seed) -> tuple[str, str]:
    """(the venue's name, the item) of a submitted inspection whose photo is not sent."""
    enroll_device(live_server.url, enrolment_code("p-insp"), device_name="p-insp")
    with SyncClient.from_store(sleep=lambda _s: None) as client:
        assert client.sync_once().ok
    clear_cache()
    assert load_checklists().ok
    venue = Venue.get_by_id(seed.venues["DM-0001"])
    return venue.name, _inspected_with_a_photo(venue.id)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "服务器没有接收{venue}检查项 {item} 的照片 1（服务器收到的内容与原文件不符，可能在路上损坏）",
        ),
        (
            "en",
            "The server did not take Photo 1 of item {item} at {venue} (what the server received "
            "does not match the file; it may have been damaged on the way)",
        ),
    ],
    ids=["zh", "en"],
)
def test_a_photo_the_server_refuses_is_said_with_its_reason_in_the_language(
    inspected, live_server: LiveServer, lang: str, said: str
) -> None:
    venue, item = inspected
    set_language(lang)
    result = _sync(Mangles())
    assert not result.errors, result
    assert any("do not match the sha256" in w for w in result.warnings)  # the log: English
    (text,) = warnings_in_words(result)
    assert said.format(venue=venue, item=item) in text, text
    assert "sha256" not in text


def test_a_reason_without_a_code_is_shown_as_given(inspected) -> None:
    venue, item = inspected
    closed = httpx.Response(403, json={"detail": "uploads are closed at this proxy"})
    result = _sync(Mangles(refusal=closed))
    (text,) = warnings_in_words(result)
    assert (
        f"服务器没有接收{venue}检查项 {item} 的照片 1（uploads are closed at this proxy）" in text
    )
