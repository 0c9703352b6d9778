"""A venue's placard scanned just after its inspection was submitted offered
开始检查这个场所？ with no word of that inspection; the offer now says it was submitted
today and when, so a second inspection is started knowingly. Real app and store, Pilot,
80x24, both languages."""

from __future__ import annotations

import pytest
from inspect_support import answer_every_item
from test_scan_sources import server_keys  # noqa: F401  (a fixture)
from test_wedge_scan import Keys, burst, drafts_of, my_venues, scanning_app, settle
from textual.widgets import Static

from fieldapp.i18n import set_language, t
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Inspection
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog, submitted_today


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_offer_says_the_inspection_submitted_today(
    server_keys: Keys,  # noqa: F811
    lang: str,
) -> None:
    set_language(lang)
    venue = my_venues(1)[0]
    app, guard_clock = scanning_app()
    bodies = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, server_keys.placard(venue.code))
        assert isinstance(app.screen, ScannedVenueDialog)
        bodies.append(str(app.screen.query_one(".dialog-body", Static).render()))
        await pilot.press("enter")
        await settle(app, pilot)
        [draft] = drafts_of(venue)
        answer_every_item(str(draft.id))
        inspections.submit(str(draft.id), "店主")
        await pilot.press("escape")
        await settle(app, pilot)
        guard_clock.now += 60.0
        await burst(app, pilot, server_keys.placard(venue.code))
        assert isinstance(app.screen, ScannedVenueDialog)
        bodies.append(str(app.screen.query_one(".dialog-body", Static).render()))
    set_language(lang)
    submitted = Inspection.get_by_id(draft.id).submitted_at
    said = t("scan.venue.submitted_today", at=submitted_today(submitted))
    set_language("zh")
    assert said not in bodies[0] and bodies[1].endswith(said), bodies
