"""Each scan keeps where it came from and when: a wedge burst, a photo of the placard whose
path is typed into the scan dialog (the camera); a placard text typed by hand proves
nothing, so it is a venue taken by hand. Real app,
real store, Pilot; the wedge timing as in test_wedge_scan."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_wedge_scan import SIZE, Keys, burst, drafts_of, my_venues, scanning_app, settle

from fieldapp.domain.clock import wall_clock
from fieldapp.domain.placard import generate_key
from fieldapp.reports.placards import PlacardInfo, render_png
from fieldapp.services.placards import printing as placards
from fieldapp.tui.dialogs.presence import PresenceChoice, PresenceDialog
from fieldapp.tui.dialogs.scan import ScanDialog
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog


@pytest.fixture
def server_keys(demo_home: Path) -> Keys:
    """The server's placard key, registered as sync registers it."""
    key_id, private, public = generate_key()
    placards.register_public_key(key_id, public)
    return Keys(key_id, private)


async def test_a_wedge_scan_is_kept_with_its_time_offset_and_source(server_keys: Keys) -> None:
    venue = my_venues(1)[0]
    app, _ = scanning_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, server_keys.placard(venue.code))
        assert isinstance(app.screen, ScannedVenueDialog)
        await pilot.press("enter")
        await settle(app, pilot)
    [draft] = drafts_of(venue)
    (scan,) = draft.proof["scans"]
    assert scan["source"] == "wedge" and scan["at"]
    # The scan came before the inspection it opened: a negative offset, in milliseconds.
    assert isinstance(scan["offset_ms"], int) and -60_000 < scan["offset_ms"] <= 0


async def test_a_photo_of_the_placard_typed_into_the_scan_dialog_is_a_camera_scan(
    server_keys: Keys, tmp_path: Path
) -> None:
    venue = my_venues(1)[0]
    info = PlacardInfo.of(venue, "网格", server_keys.placard(venue.code))
    photo = render_png(info, tmp_path / "placard.png", size="A5")
    app, _ = scanning_app(pace=0.5)  # typed at a person's pace: not a wedge burst
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, ScanDialog)
        app.screen.query_one("#scan-input").value = str(photo)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ScannedVenueDialog), app.screen
        await pilot.press("enter")
        await settle(app, pilot)
    [draft] = drafts_of(venue)
    assert draft.presence == "scanned" and draft.presence_payload == info.payload
    assert [s["source"] for s in draft.proof["scans"]] == ["camera"]


async def test_a_placard_text_typed_into_the_scan_dialog_is_taken_by_hand(
    server_keys: Keys,
) -> None:
    """Text anyone can be sent proves no visit: the venue is opened by hand, with the
    reason chosen, and its presence is manual (the supervisor reads it so after sync)."""
    venue = my_venues(1)[0]
    app, _ = scanning_app(pace=0.5)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        app.screen.query_one("#scan-input").value = server_keys.placard(venue.code)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PresenceDialog), app.screen
        app.screen.dismiss(PresenceChoice("placard_damaged", ""))
        await settle(app, pilot)
    [draft] = drafts_of(venue)
    assert draft.presence == "manual" and draft.presence_reason == "placard_damaged"
    assert draft.proof["scans"] == []


@pytest.mark.parametrize("how", ["photo", "typed"])
async def test_a_qr_that_is_not_ours_says_it_is_no_placard(
    demo_home: Path, tmp_path: Path, how: str
) -> None:
    """A photo of someone else's QR (a WeChat link), or the link typed: not "no venue
    with code https://…", which sends the inspector looking for a venue."""
    import qrcode

    from fieldapp.i18n import t

    link = "https://weixin.qq.com/abc"
    photo = tmp_path / "wechat.png"
    qrcode.make(link).save(photo)
    app, _ = scanning_app(pace=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        field = app.screen.query_one("#scan-input")
        field.value = str(photo) if how == "photo" else link  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ScanDialog)  # open for the next try
        said = str(app.screen.query_one("#scan-message").render())
    assert said == t("placard.check.not_fieldapp")


@pytest.mark.parametrize("synced_hours_ago", [1, None])
async def test_a_placard_key_unknown_after_a_recent_sync_is_reported_not_synced_for(
    demo_home: Path, synced_hours_ago: int | None
) -> None:
    """Another server's placard: "sync, then scan again" is wrong advice on a device that
    has just synced. Without a recent sync, syncing may still bring the key."""
    import datetime as dt

    from fieldapp.domain.clock import now
    from fieldapp.domain.placard import sign_payload
    from fieldapp.i18n import t
    from fieldapp.store.models import SyncState

    synced = None if synced_hours_ago is None else now() - dt.timedelta(hours=synced_hours_ago)
    stamp = synced.strftime("%Y-%m-%dT%H:%M:%S.000Z") if synced else None
    SyncState.update(last_sync_at=stamp).where(SyncState.id == 1).execute()
    key_id, private, _public = generate_key()  # never registered: another server's key
    venue = my_venues(1)[0]
    app, _ = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, sign_payload(venue.code, key_id, private))
        said = [n.message for n in app._notifications]
    assert drafts_of(venue) == []
    if synced is None:
        assert said == [t("placard.check.unknown_key", key_id=key_id)]
    else:
        at = wall_clock(synced).strftime("%H:%M")
        if wall_clock(synced).date() != wall_clock(now()).date():
            at = wall_clock(synced).strftime("%m-%d %H:%M")
        assert said == [t("placard.check.unknown_key_synced", key_id=key_id, at=at)]
        assert "同步后再扫描" not in said[0] and "向网格长报告" in said[0]


def test_the_english_not_fieldapp_refusal_ends_with_a_full_stop() -> None:
    """Two sentences in the scan dialog: the second one ended without its full stop."""
    from fieldapp.i18n import set_language, t

    set_language("en")
    try:
        said = t("placard.check.not_fieldapp")
    finally:
        set_language("zh")
    assert said.endswith("Scan the fire-safety placard on the venue's wall."), said
