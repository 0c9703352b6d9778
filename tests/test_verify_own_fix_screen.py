"""F5 at 80x24: a grid head verifying, among others, a fix he reported himself on home
gets that row refused with the reason (未能执行 1 条), the others verified."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.services.demo import workspace as demo
from fieldapp.services.inspection import findings
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.usefixtures("chinese")


async def test_my_own_fix_is_refused_in_a_bulk_verify(demo_home: Path) -> None:
    demo.act_as("supervisor")
    mine = (
        Finding.select()
        .where((Finding.state == "open") & (Finding.severity == "general"))
        .order_by(Finding.current_deadline.desc())
        .first()
        .id
    )
    findings.append_event(mine, "rectification_reported", note="已清理")  # on home, himself
    theirs = [f.id for f in Finding.select().where(Finding.state == "rectification_reported")]
    theirs.remove(mine)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5", "1")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("asterisk", "v")
        await pilot.pause()
        assert type(app.screen).__name__ == "BulkActionDialog"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "ReasonsDialog"
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "复查须由报告整改以外的人进行" in shown
        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        assert any("未能执行 1 条" in n.message for n in app._notifications)
    assert Finding.get_by_id(mine).state == "rectification_reported"
    assert theirs and all(Finding.get_by_id(f).state == "closed" for f in theirs)
