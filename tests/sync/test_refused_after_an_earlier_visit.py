"""A refused inspection of a venue the office had inspected before leaves the venue due
from that earlier visit, not as never inspected: a colleague's inspection of YM-0001
(grid V2) 20 days ago was accepted and pulled with the venue; this device's inspection of
it today, made after V2 was taken from its inspector, is refused (by a push whose pull did
not follow, so the device still lists V2). Home lists YM-0001 overdue since the earlier
visit's due date, where it read 从未检查."""

from __future__ import annotations

import datetime as dt

import pytest
from people_support import pin_the_synced_key
from pilot_support import at_home
from sync_world import inspection_submit
from test_inspection_review import _inspect
from test_scope_change import _assign

from fieldapp.domain import cadence, clock
from fieldapp.domain.clock import today
from fieldapp.i18n import t
from fieldapp.services.common import settings
from fieldapp.services.common.checklists import clear_cache, load_checklists
from fieldapp.services.syncing.runs import after_sync
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app

pytestmark = pytest.mark.usefixtures("chinese")


def _sync_ok(device) -> None:  # type: ignore[no-untyped-def]
    with device.client() as client:
        result = client.sync_once()
    after_sync(result)  # as the app and `fieldapp sync` do
    assert result.ok, result


async def test_a_refused_inspection_leaves_the_venue_due_from_its_accepted_visit(
    make_device, seed, server_workdir, monkeypatch
):
    earlier = dt.datetime.now(dt.UTC) - dt.timedelta(days=20)
    colleague = make_device("colleague").enroll("p-insp2")  # V2
    stamp = earlier.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    colleague.enqueue(
        "inspection.submit", inspection_submit(seed.venues["YM-0001"], "p-insp2", at=stamp)
    )
    _sync_ok(colleague)

    _assign(server_workdir, "V1;V2")
    device = make_device("a")
    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    device.enroll("p-insp")
    _sync_ok(device)  # the venue, with the colleague's visit
    clear_cache()
    assert load_checklists().ok
    venue_id = seed.venues["YM-0001"]
    visited = clock.wall_clock(earlier).date()  # the device's local day of the visit
    due = cadence.due_on("supermarket", "normal", visited, settings.cadence())
    assert due < today()
    assert (Venue.get_by_id(venue_id).last_inspected_on, Venue.get_by_id(venue_id).due_on) == (
        visited,
        due,
    )

    _assign(server_workdir, "V1")  # V2 is taken away; the device has not heard yet
    _inspect(venue_id)
    with device.client() as client:
        result = client.push()  # the pull that would tell it did not happen (yet)
    after_sync(result)
    assert [r.code for r in result.rejected] == ["outside_grid"]
    venue = Venue.get_by_id(venue_id)
    assert (venue.last_inspected_on, venue.due_on) == (visited, due)  # overdue still

    pin_the_synced_key()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_home(app, pilot)
        [row] = [r for r in app.screen.due_shown if r.code == "YM-0001"]
        assert (row.bucket, row.due_on) == ("overdue", due)
        text = "\n".join(s.text for s in app.screen._compositor.render_strips())
    # The due list's line (the hazards pane below lists the colleague's hazard of it too).
    line = next(line for line in text.splitlines() if "YM-0001" in line)
    assert due.isoformat() in line and t("bucket.overdue") in line, line
    assert t("home.never") not in line, line
