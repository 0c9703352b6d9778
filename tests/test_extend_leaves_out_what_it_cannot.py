"""F5, rows marked, e: the dialog counted the handed-over hazards among them (延长期限：14 条
隐患), which F10 then refused, and its default date was a week after the latest deadline of
all of them, handed over or not, pushing a hazard due in days into the next year. The
hazards whose state allows no extension are now left out and listed up front, as the
hand-over does; the default is a week after the latest deadline of those extended, and
the rule one date for all keeps is said."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from pilot_support import SIZE, settle

from fieldapp.domain.clock import today
from fieldapp.services import review
from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.screens.review import ReviewScreen

SAID = {
    "zh": ("条隐患已移交或已销号，不能延期", "新期限须晚于所选隐患中最晚的当前期限 {latest}"),
    "en": (
        "handed over or closed out, which no extension applies to",
        "must fall after {latest}, the latest current deadline",
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_handed_over_hazards_are_left_out_of_an_extension_and_said(
    demo_home: Path, lang: str
) -> None:
    demo.act_as("supervisor")
    far = today() + dt.timedelta(days=60)
    handed = Finding.select().where(Finding.state == "open").order_by(Finding.id).first()
    review.bulk_apply([handed.id], "deadline_extended", "", {"deadline": far.isoformat()})
    data = {"unit": "fire_brigade", "reference": "DW-2026-9", "date": today().isoformat()}
    assert review.bulk_apply([handed.id], "handed_over", "", data)[0].applied
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen.set_filters(replace(screen.filters, queue="all"))
        await settle(app, pilot, rounds=2)
        await pilot.press("ctrl+a")  # the page marked: open and handed over alike
        await settle(app, pilot)
        marked = screen.targets()
        assert handed.id in {r.finding_id for r in marked}
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        barred = ("handed_over", "outcome_recorded", "closed")
        extended = [r for r in marked if r.state not in barred]
        latest = max(r.deadline for r in extended if r.deadline)
        assert latest < far
        assert len(dialog.targets) == len(extended) < len(marked)
        assert handed.id not in " ".join(dialog.targets)
        left_out, rule = SAID[lang]
        aside = " ".join(dialog.aside.split())
        assert left_out in aside and rule.format(latest=latest.isoformat()) in aside, aside
        default = max(latest, today()) + dt.timedelta(days=7)
        assert dialog.deadline == default < far
