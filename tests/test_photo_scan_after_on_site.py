"""A placard read from a photo (its PNG's path typed into F2) where the venue's draft has a
placard scanned on site already: one scan on site keeps the visit a scan
(`scan_proof.read_from_photo`), so "the record will say so" (that it was read from a
photo) was not true there. The offer to resume, and the toast over the inspection, now
say the scan on site stands; a draft without one still says the record will say so
(`test_photo_scan_said`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from test_photo_scan_said import (
    language,
    offer_said,
    photo_of,
    photo_typed_over_the_draft,
    typed_in_f2,
)
from test_scan_sources import server_keys  # noqa: F401 (a fixture)
from test_wedge_scan import Keys, messages, my_venues, scanning_app

from fieldapp.domain.clock import now_iso
from fieldapp.i18n import t
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.scan_proof import WEDGE, ScanMark, read_from_photo
from fieldapp.store.models import Inspection, Venue

__all__ = ["language"]  # a fixture, used by name


def scanned_on_site(keys: Keys, venue: Venue) -> str:
    """A draft started from the venue's placard, scanned there with a scanner."""
    return inspections.start_inspection(
        venue.id,
        presence="scanned",
        payload=keys.placard(venue.code),
        scan=ScanMark.now(WEDGE, now_iso()),
    )


def still_a_scan(inspection_id: str) -> bool:
    stored = Inspection.get_by_id(inspection_id)
    return stored.presence == "scanned" and not read_from_photo(stored.presence, stored.proof)


@pytest.mark.parametrize("language", ["zh", "en"], indirect=True)
async def test_the_offer_to_resume_says_the_scan_on_site_stands(
    server_keys: Keys,  # noqa: F811
    tmp_path: Path,
    language: str,
) -> None:
    venue = my_venues(1)[0]
    inspection_id = scanned_on_site(server_keys, venue)
    app, _ = scanning_app(pace=0.5)  # typed at a person's pace
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        if type(app.screen).__name__ == "ResumeDialog":
            await pilot.press("n")  # stay home
            await settle(app, pilot)
        await typed_in_f2(app, pilot, str(photo_of(server_keys, venue, tmp_path)))
        said = offer_said(app)
        assert said.startswith(t("scan.venue.photo_title")), said
        on_site = t("scan.venue.photo_resume_on_site_body", venue=venue.name, code=venue.code)
        assert said.endswith(on_site), said
        await pilot.press("y")  # resume it
        await settle(app, pilot, rounds=3)
        assert type(app.screen).__name__ == "InspectScreen"
    assert still_a_scan(inspection_id)  # as the offer said


@pytest.mark.parametrize("language", ["zh", "en"], indirect=True)
async def test_the_toast_over_the_inspection_says_the_scan_on_site_stands(
    server_keys: Keys,  # noqa: F811
    tmp_path: Path,
    language: str,
) -> None:
    venue = my_venues(1)[0]
    inspection_id = scanned_on_site(server_keys, venue)
    app, _ = scanning_app(pace=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await photo_typed_over_the_draft(app, pilot, photo_of(server_keys, venue, tmp_path))
        assert t("notify.presence_photo_after_scan") in messages(app), messages(app)
        assert t("notify.presence_from_photo") not in messages(app)
    assert still_a_scan(inspection_id)  # as the toast said
    sources = [scan["source"] for scan in Inspection.get_by_id(inspection_id).proof["scans"]]
    assert sources == ["wedge", "camera"]
