"""A venue chosen by hand for "其他原因（请在备注中说明）" needs a note that says why: "。。",
"x" or spaces were taken as a reason. One rule (`domain.presence.manual_note_problem`) in
the dialog and the services that take the choice (an inspection started by hand, a patrol
checkpoint visited without a scan)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, settle
from textual.widgets import Input, Static

from fieldapp.domain.presence import manual_note_problem
from fieldapp.i18n import set_language, t
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.common.refusals import FormRefused
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Inspection, Venue
from fieldapp.tui.app import make_app

EMPTY_WORDS = ("。。", "x", " 、 ", "1 2", "。。 ,, ab", "😀😀")


def a_venue() -> Venue:
    grids = grid_codes_under([code for code, _ in me().grids])
    return Venue.select().where(Venue.grid.in_(grids)).order_by(Venue.code).first()


def test_the_service_refuses_a_note_that_says_nothing(demo_home: Path) -> None:
    set_language("zh")
    venue = a_venue()
    before = Inspection.select().count()
    for note in EMPTY_WORDS:
        with pytest.raises(FormRefused) as refused:
            inspections.start_inspection(venue.id, presence="manual", reason="other", note=note)
        assert refused.value.field == "note" and "至少两个字" in str(refused.value)
        # Said as the other free-text refusals say it: emoji do not count either.
        assert "表情符号、标点和空格不算" in str(refused.value)
    assert Inspection.select().count() == before
    started = inspections.start_inspection(
        venue.id, presence="manual", reason="other", note="标牌被遮挡"
    )
    assert Inspection.get_by_id(started).presence_note == "标牌被遮挡"


def test_the_refusal_says_emoji_do_not_count_in_both_languages() -> None:
    """As every other free-text refusal does (`fieldapp.i18n.catalog_free_text`)."""
    set_language("zh")
    assert "表情符号、标点和空格不算" in (manual_note_problem("other", "😀😀") or "")
    set_language("en")
    said = manual_note_problem("other", "😀😀") or ""
    assert "emoji, punctuation and spaces do not count" in said
    # Another reason's note may be left empty; typed, it says something as every note does.
    assert manual_note_problem("placard_missing", "") is None
    assert "emoji, punctuation and spaces" in (manual_note_problem("placard_missing", "😀") or "")


async def test_the_dialog_keeps_asking_until_the_note_says_why(demo_home: Path) -> None:
    set_language("zh")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_home(app, pilot)
        await pilot.press("enter")  # the venue under the cursor, chosen by hand
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PresenceDialog"
        note = app.screen.query_one("#presence-note", Input)
        await pilot.press("end", "enter")  # the last reason: other
        await settle(app, pilot)
        for typed in ("。。", "x", "。。 ,, ab"):
            note.value = typed
            await pilot.press("f10")
            await settle(app, pilot)
            assert type(app.screen).__name__ == "PresenceDialog", typed
            said = str(app.screen.query_one("#presence-error", Static).render())
            assert said == t("presence.note_needed") and "至少两个字" in said
            assert app.screen.focused is note
        note.value = "门卫未开门"
        await pilot.press("f10")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "InspectScreen"
    (draft,) = Inspection.select().where(Inspection.presence_reason == "other")
    assert draft.presence_note == "门卫未开门"


async def test_the_other_reason_refusal_wraps_where_the_dialog_ends(demo_home: Path) -> None:
    """At 80 columns the refusal broke after 写明原因 and again after its example, half
    a line short each time, as the catalogue held hard line breaks; it now runs on and
    wraps at the dialog's edge."""
    set_language("zh")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("end", "enter")  # other, with no note
        await pilot.press("f10")
        await settle(app, pilot)
        error = app.screen.query_one("#presence-error", Static)
        assert str(error.render()) == t("presence.note_needed")
        lines = [strip.text.strip() for strip in app.screen._compositor.render_strips()]
        first = next(line for line in lines if "选择“其他原因”时" in line)
        assert "写明原因（至少" in first, lines
