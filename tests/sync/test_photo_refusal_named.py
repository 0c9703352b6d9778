"""The sync screen names a photo the server refused by what it belongs to (the venue, the
checklist item, its place among the item's photos), in the UI language: it said
'photo 84f49fa14906 refused: …' in English. The hash stays in the log's warning.

A real server on loopback started with a small `--blob-limit` refuses a real photo of a
real inspection made on this device; the app's own F12 syncs it.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from inspect_support import answer_every_item
from people_support import pin_the_synced_key
from pilot_support import at_home, settle
from sync_world import LiveServer, enrolment_code
from textual.widgets import Static

from fieldapp.cli import main
from fieldapp.domain.clock import now_iso
from fieldapp.i18n import set_language
from fieldapp.services.common import photos
from fieldapp.services.common.checklists import clear_cache, load_checklists
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Blob, Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.sync import SyncScreen
from sync.client import SyncClient, enroll_device

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def back_to_chinese() -> Iterator[None]:
    yield
    set_language("zh")


def _noise(path: Path, seed: int) -> Path:
    """A picture of noise: its JPEG stays far larger than the server's 4096 bytes."""
    from PIL import Image

    rng = random.Random(seed)
    image = Image.new("RGB", (200, 200))
    image.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256))
                   for _ in range(200 * 200)])  # fmt: skip
    image.save(path)
    return path


def _kept_earlier(picture: Path) -> str:
    """A photo this device holds from an earlier session: the app no longer knows the
    file it came from (as after a restart), so it is 照片 N."""
    data = picture.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    photos.blob_path(sha).write_bytes(data)
    Blob.insert(sha256=sha, mime="image/jpeg", size=len(data), created_at=now_iso()).execute()
    return sha


def _inspected_with_photos(venue_id: str, tmp_path: Path) -> tuple[str, list[str]]:
    """A submitted inspection whose first item has two photos the server will refuse: one
    attached from 门口.png now, one kept from before; (item code, their sha256)."""
    inspection_id = inspections.start_inspection(venue_id, presence="manual", reason="closed")
    answer_every_item(inspection_id)
    item = inspections.load(inspection_id).checklist.items[0].code
    shas = [
        photos.import_photo(_noise(tmp_path / "门口.png", seed=7)),
        _kept_earlier(_noise(tmp_path / "earlier.jpg", seed=8)),
    ]
    for sha in shas:
        inspections.add_answer_photo(inspection_id, item, sha)
    inspections.submit(inspection_id, "店主")
    return item, shas


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_refused_photo_is_named_by_its_venue_and_item_not_its_hash(
    home: Path, live_server: LiveServer, seed, lang: str, tmp_path: Path
) -> None:
    live_server.blob_args += ["--blob-limit", "4096"]
    live_server.restart()
    enroll_device(live_server.url, enrolment_code("p-insp"), device_name="p-insp")
    with SyncClient.from_store(sleep=lambda _s: None) as client:
        assert client.sync_once().ok
    pin_the_synced_key()  # the app asks for no PIN first
    clear_cache()
    assert load_checklists().ok
    venue = Venue.get_by_id(seed.venues["DM-0001"])
    item, shas = _inspected_with_photos(venue.id, tmp_path)

    app = make_app(lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await at_home(app, pilot)
        await pilot.press("f12")
        await settle(app, pilot, rounds=4)
        assert isinstance(app.screen, SyncScreen)
        text = " ".join(str(app.screen.query_one("#sync-warnings", Static).render()).split())

    assert not any(sha[:8] in text for sha in shas) and "photo " not in text, text
    if lang == "zh":
        assert f"{venue.name}检查项 {item} 的门口.png超过服务器允许的大小，没有上传" in text, text
        assert f"{venue.name}检查项 {item} 的照片 2超过服务器允许的大小" in text, text
        assert "请管理员调高服务器的文件大小上限" in text
    else:
        assert f"门口.png of item {item} at {venue.name} is larger than the server takes" in text
        assert f"Photo 2 of item {item} at {venue.name} is larger than the server takes" in text
        assert "ask the administrator to raise the server's file size limit" in text

    # `fieldapp sync` says it the same way: every sync sends the refused photos again.
    run = CliRunner().invoke(main, ["--lang", lang, "sync"])
    said = " ".join(run.output.split())
    assert not any(sha[:8] in said for sha in shas) and "photo " not in said, said
    assert (f"检查项 {item} 的照片 2超过" if lang == "zh" else f"Photo 2 of item {item}") in said
