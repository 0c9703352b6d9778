"""F4's refusal of a missing place says the place comes with a report made during a
patrol. It does: F4 on a patrol run fills the place with the checkpoint under the
cursor (its code and name, as an address), so F10 does not ask for one."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import placard, seed_patrol_store
from pilot_support import settle
from textual.widgets import Input, Static

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.patrol_run import PatrolRunScreen


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_f4_on_a_patrol_run_carries_the_checkpoint_over(home: Path, lang: str) -> None:
    seed_patrol_store()
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-02"), "wedge")  # starts the route's run
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen)
        await pilot.press("f4")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, IncidentDialog)
        place = dialog.query_one("#incident-address", Input).value
        assert place == t("patrol.run.incident_place", code="CP-01", name="村东口")
        await pilot.press("f10")  # the rest is missing, not the place
        await settle(app, pilot, rounds=2)
        said = str(dialog.query_one("#incident-error", Static).render())
        assert said and t("incident.refused.place_missing") not in said, said
