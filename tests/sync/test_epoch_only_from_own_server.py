"""A new epoch resets the pull cursor and sends every acknowledged op again: only the
device's own server may start that, never whatever answers on its address."""

from __future__ import annotations

import json
from pathlib import Path

from sync_world import inspection_submit
from wrong_servers import python_http_server

from fieldapp.store.models import Outbox, SyncState
from sync.client import NotFieldappServer
from sync.server import db as server_db


def test_a_web_server_claiming_an_epoch_changes_nothing(make_device, seed, tmp_path: Path):
    device = make_device("a").enroll("p-insp")
    device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    with device.client() as client:
        assert client.sync_once().ok
    real_url = SyncState.get_by_id(1).server_url
    before = SyncState.get_by_id(1)
    assert before.pull_cursor and [op.state for op in Outbox.select()] == ["acked"]

    folder = tmp_path / "site"
    (folder / "api" / "v1").mkdir(parents=True)
    (folder / "api" / "v1" / "health").write_text(json.dumps({"status": "ok", "epoch": "x"}))
    with python_http_server(folder) as fake_url:
        SyncState.update(server_url=fake_url).where(SyncState.id == 1).execute()
        with device.client() as client:
            result = client.sync_once()
    assert isinstance(result.failure, NotFieldappServer) and not result.new_epoch
    after = SyncState.get_by_id(1)
    assert (after.server_epoch, after.pull_cursor) == (before.server_epoch, before.pull_cursor)
    assert [op.state for op in Outbox.select()] == ["acked"]  # nothing waits to go again

    SyncState.update(server_url=real_url).where(SyncState.id == 1).execute()
    with device.client() as client:
        back = client.sync_once()
    assert back.ok and (back.pushed, back.pulled, back.new_epoch) == (0, 0, False)


def test_a_new_epoch_of_the_own_server_is_still_taken(make_device, seed):
    device = make_device("a").enroll("p-insp")
    device.enqueue("inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp"))
    with device.client() as client:
        assert client.sync_once().ok
    epoch = server_db.new_epoch()  # restored from a backup
    with device.client() as client:
        result = client.sync_once()
    assert result.new_epoch and result.pushed == 1 and result.pulled > 0
    assert SyncState.get_by_id(1).server_epoch == epoch
