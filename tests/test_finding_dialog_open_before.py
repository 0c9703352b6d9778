"""The hazard form says when the venue already has an open hazard on the same item (from
a returned inspection or any other, with its deadline), so the inspector does not record
it twice; it says nothing where there is none."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import open_inspection, seed_store, settle, submitted_with_one_finding
from textual.widgets import Static

from fieldapp.i18n import t
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.finding import FindingDialog

SIZE = (80, 24)


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


async def fail(app, pilot, code: str) -> FindingDialog:  # type: ignore[no-untyped-def]
    app.screen.go_to(code)
    await settle(app, pilot)
    await pilot.press("n")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, FindingDialog), dialog
    return dialog


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_form_warns_of_an_open_hazard_on_the_same_item(home: Path, lang: str) -> None:
    seed_store()
    hazard = Finding.get_by_id(submitted_with_one_finding())  # COM-03, still open
    assert hazard.state == "open"
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await open_inspection(app, pilot)
        dialog = await fail(app, pilot, "COM-03")
        warning = dialog.query_one("#finding-open-before", Static)
        said = t(
            "finding.open_before",
            code="COM-03",
            count=1,
            deadline=hazard.deadline.isoformat(),
            # recorded in Chinese with its description empty: said in the screen's language
            description=inspections.not_met(dialog.item),
        )
        assert str(warning.render()) == said
        assert warning.region.height > 0 and warning.region.y < SIZE[1]  # in sight
        assert hazard.deadline.isoformat() in shown(app)


async def test_no_warning_on_an_item_without_an_open_hazard(home: Path) -> None:
    seed_store()
    submitted_with_one_finding()  # COM-03 open; COM-02 has none
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await open_inspection(app, pilot)
        dialog = await fail(app, pilot, "COM-02")
        assert not dialog.query("#finding-open-before")
