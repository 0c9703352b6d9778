"""A placard's QR read from a photo typed into F2 is said as such where it is read, as the
record says it (标牌二维码读自照片（非现场扫码）): the offer to start or resume the venue's
inspection no longer says 已扫码：标牌核验通过 … 本次检查记为到场扫码, nor the toast over
the inspection 已扫码，本次检查记为到场扫码. A scanner's burst still says a scan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pilot_support import settle
from test_scan_sources import server_keys  # noqa: F401 (a fixture)
from test_wedge_scan import Keys, burst, messages, my_venues, scanning_app

from fieldapp.i18n import set_language, t
from fieldapp.reports.placards import PlacardInfo, render_png
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Inspection, Venue
from fieldapp.tui.app import FieldApp
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("zh")


def photo_of(keys: Keys, venue: Venue, folder: Path) -> Path:
    info = PlacardInfo.of(venue, "网格", keys.placard(venue.code))
    return render_png(info, folder / f"{venue.code}.png", size="A5")


async def typed_in_f2(app: FieldApp, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f2")
    await settle(app, pilot)
    app.screen.query_one("#scan-input").value = text  # type: ignore[attr-defined]
    await pilot.press("enter")
    await settle(app, pilot, rounds=3)


async def photo_typed_over_the_draft(app: FieldApp, pilot, photo: Path) -> None:  # type: ignore[no-untyped-def]
    """Resume the draft offered at start-up, then type the placard photo's path into F2;
    the inspection stays on screen."""
    await settle(app, pilot, rounds=2)
    await pilot.press("y")  # resume the draft offered at start-up
    await settle(app, pilot)
    assert type(app.screen).__name__ == "InspectScreen"
    await typed_in_f2(app, pilot, str(photo))
    assert type(app.screen).__name__ == "InspectScreen"


def offer_said(app: FieldApp) -> str:
    dialog = app.screen
    assert isinstance(dialog, ScannedVenueDialog), dialog
    return (
        f"{dialog.query_one('.dialog-title').render()}\n{dialog.query_one('.dialog-body').render()}"
    )


@pytest.mark.parametrize("language", ["zh", "en"], indirect=True)
async def test_the_offer_says_the_code_was_read_from_a_photo(
    server_keys: Keys,  # noqa: F811
    tmp_path: Path,
    language: str,
) -> None:
    new, with_draft, scanned = my_venues(3)
    inspections.start_inspection(with_draft.id, presence="manual", reason="other", note="门卫")
    app, _ = scanning_app(pace=0.5)  # typed at a person's pace
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        if type(app.screen).__name__ == "ResumeDialog":
            await pilot.press("n")  # stay home
            await settle(app, pilot)
        for venue, body in ((new, "start_body"), (with_draft, "resume_body")):
            await typed_in_f2(app, pilot, str(photo_of(server_keys, venue, tmp_path)))
            said = offer_said(app)
            assert said.startswith(t("scan.venue.photo_title")), said
            assert said.endswith(t(f"scan.venue.photo_{body}", venue=venue.name, code=venue.code))
            assert t("scan.venue.title") not in said
            await pilot.press("escape")
            await settle(app, pilot)
        app.wedge.clock.step = 0.004  # type: ignore[attr-defined]  # a scanner's pace
        await burst(app, pilot, server_keys.placard(scanned.code))
        said = offer_said(app)
        assert said.startswith(t("scan.venue.title")), said
        assert said.endswith(t("scan.venue.start_body", venue=scanned.name, code=scanned.code))


@pytest.mark.parametrize("language", ["zh", "en"], indirect=True)
async def test_the_toast_over_the_inspection_says_read_from_a_photo(
    server_keys: Keys,  # noqa: F811
    tmp_path: Path,
    language: str,
) -> None:
    venue = my_venues(1)[0]
    inspection_id = inspections.start_inspection(
        venue.id, presence="manual", reason="other", note="门卫未开门"
    )
    app, _ = scanning_app(pace=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await photo_typed_over_the_draft(app, pilot, photo_of(server_keys, venue, tmp_path))
        assert t("notify.presence_from_photo") in messages(app), messages(app)
        assert t("notify.presence_recorded") not in messages(app)
    stored = Inspection.get_by_id(inspection_id)
    assert stored.presence == "scanned"
    assert [scan["source"] for scan in stored.proof["scans"]] == ["camera"]
