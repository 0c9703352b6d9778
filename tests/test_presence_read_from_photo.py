"""A placard's QR read from an image file typed into F2 is not the proof a scan at the
venue is: the record and the venue's inspection list say the presence was read from a
photo (到场：标牌二维码读自照片… / 照片), where they said 到场：已扫码，服务器已核验标牌 as
for a scan on site. Stored and sent as before (presence scanned, the scan's source
camera): only what is said changes. A placard's text read on site still reads scanned."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import answer_every_item
from pilot_support import settle, shown_from_start
from test_scan_sources import server_keys  # noqa: F401 (a fixture)
from test_wedge_scan import Keys, burst, drafts_of, my_venues, scanning_app

from fieldapp.i18n import t
from fieldapp.reports.placards import PlacardInfo, render_png
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Inspection, Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen
from fieldapp.tui.screens.venue_history import VenueHistoryScreen


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


async def submitted_from_f2(keys: Keys, venue: Venue, typed: str, *, scanner: bool = False) -> str:
    """An inspection of `venue` started from `typed` in F2 (or a scanner's burst there),
    submitted; the server verified the placard (as a sync learns)."""
    app, _ = scanning_app(pace=0.004 if scanner else 0.5)  # or typed at a person's pace
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f2")
        await settle(app, pilot)
        if scanner:
            await burst(app, pilot, typed)
        else:
            app.screen.query_one("#scan-input").value = typed  # type: ignore[attr-defined]
            await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ScannedVenueDialog), app.screen
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
    [draft] = drafts_of(venue)
    answer_every_item(str(draft.id))
    inspections.submit(str(draft.id), "店主")
    Inspection.update(presence_check="verified").where(Inspection.id == draft.id).execute()
    return str(draft.id)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_placard_read_from_a_photo_reads_so_in_the_record(
    server_keys: Keys,  # noqa: F811
    tmp_path: Path,
    lang: str,
) -> None:
    photo_venue, scanned_venue = my_venues(2)
    info = PlacardInfo.of(photo_venue, "网格", server_keys.placard(photo_venue.code))
    photo = render_png(info, tmp_path / "placard.png", size="A5")
    from_photo = await submitted_from_f2(server_keys, photo_venue, str(photo))
    on_site = await submitted_from_f2(
        server_keys, scanned_venue, server_keys.placard(scanned_venue.code), scanner=True
    )
    stored = Inspection.get_by_id(from_photo)
    assert stored.presence == "scanned"  # stored and sent as before
    assert [s["source"] for s in stored.proof["scans"]] == ["camera"]

    app = make_app(lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await shown_from_start(app, pilot, InspectionRecordScreen(from_photo))
        assert t("record.presence.photo_verified") in shown(app)
        assert t("record.presence.verified") not in shown(app)
        await pilot.press("escape")
        await settle(app, pilot)
        app.push_screen(InspectionRecordScreen(on_site))
        await settle(app, pilot, rounds=3)
        assert t("record.presence.verified") in shown(app)
        await pilot.press("escape")
        await settle(app, pilot)

        photo_word = f" {t('history.presence.photo')} "
        for venue, rows_said_photo in ((photo_venue, 1), (scanned_venue, 0)):
            app.push_screen(VenueHistoryScreen(str(venue.id), venue.name, venue.code))
            await settle(app, pilot, rounds=3)
            lines = shown(app).splitlines()
            assert sum(photo_word in line for line in lines) == rows_said_photo, lines
            await pilot.press("escape")
            await settle(app, pilot)
