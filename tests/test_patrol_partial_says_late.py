"""A window partly done outranks late (a missed post is worse), so the attendance line
read "部分 1" and nothing of the checkpoint reached after the window's end. The line now
says it: "部分 1（其中迟到点位 1）"; the missed posts are only those not visited (CP-04)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_screen, settle
from test_patrol_run_late_by_hand_whole import DAY, partial_window_over

from fieldapp.i18n import set_language, t
from fieldapp.services.patrols import attendance
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrols import PatrolsScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_partial_window_says_its_late_checkpoint(
    home: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    partial_window_over(monkeypatch)  # CP-03 after 20:00, CP-04 not visited
    (person,) = attendance.by_assignee(attendance.attendance(DAY))
    assert (person.partial, person.late, person.missed_posts, person.partial_late) == (1, 0, 1, 1)
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await settle(app, pilot, rounds=2)
        shown = " ".join(s.text.strip() for s in app.screen._compositor.render_strips())
        said = t("patrol.attendance.partial_late", partial=1, count=1)
        assert said in shown, shown
