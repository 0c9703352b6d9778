"""F12 on a device whose server cannot be reached, twice: the sync screen said exactly the
same both times, so a person could not tell that the second attempt had been made. It
now says when the sync was last tried (最近一次尝试：15:42), in zh and en."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator

import pytest
from textual.widgets import Static

from fieldapp.domain import clock
from fieldapp.i18n import set_language, t
from fieldapp.services.demo.workspace import DemoInfo
from fieldapp.store.models import SyncState
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.messages import local_moment
from fieldapp.tui.screens.sync import SyncScreen

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    yield
    set_language("zh")


def _closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"  # nothing listens once closed


async def _sync_at(app: FieldApp, pilot, stamp: str) -> str:  # type: ignore[no-untyped-def]
    """F12 with the clock at `stamp`: the sync screen's lines under the state."""
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clock, "_now", lambda: moment)
        await pilot.press("f12")
        for _ in range(2):
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
    assert isinstance(app.screen, SyncScreen)
    return str(app.screen.query_one("#sync-server", Static).render())


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_failed_sync_says_when_it_was_tried(demo_info: DemoInfo, lang: str) -> None:
    SyncState.get_or_create(id=1)
    SyncState.update(server_url=_closed_port(), token="t0ken", device_id="dev-1").where(
        SyncState.id == 1
    ).execute()
    today = clock.today().isoformat()  # the office's, as the sync screen says times
    first, second = f"{today}T07:40:00.000Z", f"{today}T07:42:00.000Z"
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = await _sync_at(app, pilot, first)
        await pilot.press("escape")
        after = await _sync_at(app, pilot, second)
        said = [t("sync_ui.tried", at=local_moment(at)) for at in (first, second)]
    assert said[0] in before.splitlines() and said[1] in after.splitlines(), (before, after)
    assert before != after
