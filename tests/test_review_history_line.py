"""A hazard's history in F5 says its parts apart and names the device as a person knows
it: 'Hazard found deadline 2026-12-18 device 525f432efa30' ran the event, its deadline
and a raw device id together. Now 发现隐患 · 整改期限 … · 林秀英的设备, and 本机 for
what was recorded on this device."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pilot_support import SIZE, settle
from textual.widgets import Static

from fieldapp.domain.clock import today
from fieldapp.i18n import set_language
from fieldapp.services import review
from fieldapp.services.common.identity import me
from fieldapp.services.demo import workspace as demo
from fieldapp.services.inspection import findings
from fieldapp.store.models import Finding, FindingEvent, Person
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.widgets import PagedTable

RAW_ID = re.compile(r"\b[0-9a-f]{12}\b")
SAID = {
    "zh": ("发现隐患", "复查不通过", "整改期限", "{name}的设备", "本机"),
    "en": ("Hazard found", "Rejected", "deadline", "{name}'s device", "this device"),
}


def rejected_on_this_device() -> tuple[str, str]:
    """A hazard the inspector found and reported fixed, and the supervisor (this device)
    sent back with a new deadline: its id and the inspector's name."""
    demo.act_as("inspector")
    fid = next(
        f.id
        for f in Finding.select().where((Finding.state == "open") & (Finding.severity == "general"))
    )
    findings.append_event(fid, "rectification_reported", note="已整改")
    demo.act_as("supervisor")
    deadline = (today() + dt.timedelta(days=7)).isoformat()
    [done] = review.bulk_apply(
        [fid], "rejected", note="灭火器仍未更换", data={"deadline": deadline}
    )
    assert done.applied, done
    opened = FindingEvent.get((FindingEvent.finding == fid) & (FindingEvent.type == "opened"))
    # found on the inspector's own device, as sync brings it (the demo acts on one device)
    FindingEvent.update(device_id="018cc251-f404-7385-ba00-525f432efa30").where(
        FindingEvent.id == opened.id
    ).execute()
    assert FindingEvent.get_by_id(opened.id).device_id != me().device_id
    return fid, Person.get_by_id(opened.actor).name


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_history_line_is_said_in_parts_and_names_the_device(
    demo_home: Path, lang: str
) -> None:
    fid, inspector = rejected_on_this_device()
    found, rejected, deadline, device_of, this = SAID[lang]
    set_language(lang)
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot, rounds=2)
            await pilot.press("f5")
            await settle(app, pilot, rounds=2)
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            await pilot.press("6")  # the active hazards, the one sent back among them
            await settle(app, pilot, rounds=2)
            table = screen.query_one("#review-table", PagedTable)
            table.move_cursor(row=table.get_row_index(fid))
            await settle(app, pilot, rounds=2)
            detail = str(screen.query_one("#detail-body", Static).render())
    finally:
        set_language("zh")
    lines = detail.splitlines()
    opened = next(line for line in lines if found in line)
    assert f"{found} · {deadline} " in opened, opened
    assert opened.endswith(" · " + device_of.format(name=inspector)), opened
    sent_back = next(line for line in lines if rejected in line)
    assert f"{rejected} · {deadline} " in sent_back and sent_back.endswith(f" · {this}"), lines
    assert not RAW_ID.search(detail), detail
