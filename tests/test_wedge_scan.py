"""Keyboard-wedge scanning on any screen, against the real app and store.

A USB scanner types the placard as a fast burst of keys ending in Enter, put in the app's
queue at once as a terminal passes them on; a person's keys go through Pilot one after
another. How fast they "came" is decided by the clock the app's detector reads
(`app.wedge.clock`), so every timing here is deterministic and nothing sleeps. Placards are
real: a key made with `generate_key`, registered like sync registers the server's keys,
and payloads signed with `sign_payload`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pilot_support import code_typed_into_scan
from textual._xterm_parser import XTermParser
from textual.widgets import Input

from fieldapp.domain.placard import generate_key, sign_payload
from fieldapp.i18n import set_language, t
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.inspection import inspections
from fieldapp.services.placards import printing as placards
from fieldapp.store.models import Answer, Inspection, Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog
from fieldapp.tui.scanner import RepeatGuard
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.screens.home import HomeScreen

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


class Clock:
    """Each reading is `step` seconds after the last: the pace keys seem to arrive at."""

    def __init__(self, step: float) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@dataclass
class Keys:
    key_id: str
    private: bytes

    def placard(self, code: str) -> str:
        return sign_payload(code, self.key_id, self.private)


@pytest.fixture
def keys(demo_home: Path) -> Keys:
    key_id, private, public = generate_key()
    placards.register_public_key(key_id, public)
    return Keys(key_id, private)


def my_venues(n: int = 2) -> list[Venue]:
    grids = grid_codes_under([code for code, _ in me().grids])
    return list(Venue.select().where(Venue.grid.in_(grids)).order_by(Venue.code).limit(n))


def scanning_app(*, pace: float = 0.004, lang: str | None = None) -> tuple[FieldApp, Clock]:
    """The app with its wedge detector on a clock; returns the repeat guard's clock too."""
    app = make_app(lang=lang)
    app.wedge.clock = Clock(pace)
    app.key_time = lambda event: None  # a key came when the detector's clock says
    guard_clock = Clock(0.0)
    app.scan_repeats = RepeatGuard(window=10.0, clock=guard_clock)
    return app, guard_clock


async def settle(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()


async def burst(app: FieldApp, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """What a wedge scanner does: the text, then Enter, each key a few ms apart (a second
    after the last key a person pressed) by the detector's clock, all in the app's queue
    at once as a terminal passes them on (Pilot waits for the app to be idle after each
    key, some 3 s for a placard)."""
    clock = app.wedge.clock
    assert isinstance(clock, Clock)
    clock.now += 1.0
    parser = XTermParser()
    for event in [*parser.feed(f"{text}\r"), *parser.feed("")]:
        app.post_message(event)
    await settle(app, pilot)


def label_of(venue: Venue) -> str:
    return t("venue.label", name=venue.name, code=venue.code)


def messages(app: FieldApp) -> list[str]:
    return [n.message for n in app._notifications]


def drafts_of(venue: Venue) -> list[Inspection]:
    return list(
        Inspection.select().where((Inspection.venue == venue.id) & (Inspection.status == "draft"))
    )


# --- the app --------------------------------------------------------------------------------


async def test_burst_on_home_offers_the_venue_and_records_the_scan(keys: Keys) -> None:
    venue = my_venues(1)[0]
    payload = keys.placard(venue.code)
    app, _ = scanning_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await burst(app, pilot, payload)
        dialog = app.screen
        assert isinstance(dialog, ScannedVenueDialog)
        assert not dialog.resume
        body = str(dialog.query_one(".dialog-body").render())
        assert venue.name in body and venue.code in body
        await pilot.press("enter")  # "start inspection" has the focus
        await settle(app, pilot)
        assert type(app.screen).__name__ == "InspectScreen"
    [draft] = drafts_of(venue)
    assert draft.presence == "scanned"
    assert draft.presence_payload == payload
    assert draft.presence_at


async def test_burst_with_caps_lock_on_home_also_scans(keys: Keys) -> None:
    venue = my_venues(1)[0]
    payload = keys.placard(venue.code)
    app, _ = scanning_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # The first "f" is delivered (it opens Find venue) before the burst is known.
        await burst(app, pilot, payload.lower())
        assert isinstance(app.screen, ScannedVenueDialog)
        assert not any(isinstance(s, FindVenueScreen) for s in app.screen_stack)


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_burst_during_another_venues_inspection_warns_and_stays(
    keys: Keys, lang: str
) -> None:
    here, other = my_venues(2)
    inspection_id = inspections.start_inspection(
        here.id, presence="manual", reason="other", note="门卫未开门"
    )
    app, _ = scanning_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("y")  # resume the draft offered at start-up
        await settle(app, pilot)
        inspecting = app.screen
        assert type(inspecting).__name__ == "InspectScreen"
        depth = len(app.screen_stack)
        await burst(app, pilot, keys.placard(other.code))
        assert app.screen is inspecting
        assert len(app.screen_stack) == depth
        shown = messages(app)
        # Both venues written one way, 名称（编号）: "… DM-0003" beside "…（DM-0002）" before
        both = t("scan.busy", current=label_of(here), venue=label_of(other))
        assert any(both in m for m in shown), shown
    assert drafts_of(other) == []
    # The held keys answered nothing either.
    assert Answer.select().where(Answer.inspection == inspection_id).count() == 0


async def test_placard_of_the_venue_being_inspected_records_the_scan(keys: Keys) -> None:
    venue = my_venues(1)[0]
    payload = keys.placard(venue.code)
    inspection_id = inspections.start_inspection(
        venue.id, presence="manual", reason="other", note="门卫未开门"
    )
    app, _ = scanning_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        inspecting = app.screen
        await burst(app, pilot, payload)
        assert app.screen is inspecting
        assert t("notify.presence_recorded") in messages(app)
    inspection = Inspection.get_by_id(inspection_id)
    assert inspection.presence == "scanned"
    assert inspection.presence_payload == payload
    assert len(drafts_of(venue)) == 1


async def test_same_placard_read_twice_is_taken_once(keys: Keys) -> None:
    venue = my_venues(1)[0]
    payload = keys.placard(venue.code)
    app, _ = scanning_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.scan_text(payload, "wedge")
        app.scan_text(payload, "wedge")  # the scanner's second read, as the first is checked
        await settle(app, pilot)
        assert [type(s).__name__ for s in app.screen_stack[1:]] == [
            "HomeScreen",
            "ScannedVenueDialog",
        ]
    assert drafts_of(venue) == []


@pytest.mark.parametrize("answer", ["n", "escape"])
async def test_a_placard_scanned_again_after_declining_is_asked_again(
    keys: Keys, answer: str
) -> None:
    """开始检查这个场所？ answered n, then the placard scanned again at once: it was
    ignored for 10 s, as if the scanner had read it twice."""
    venue = my_venues(1)[0]
    payload = keys.placard(venue.code)
    app, guard_clock = scanning_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, payload)
        assert isinstance(app.screen, ScannedVenueDialog)
        await pilot.press(answer)
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        guard_clock.now += 1.0  # scanned again a second later
        await burst(app, pilot, payload)
        assert isinstance(app.screen, ScannedVenueDialog)
    assert drafts_of(venue) == []


async def test_slow_typing_in_find_venue_stays_typing(keys: Keys) -> None:
    venue = my_venues(1)[0]
    payload = keys.placard(venue.code)
    app, _ = scanning_app(pace=0.2)  # a person: 200 ms between keys
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, FindVenueScreen)
        query = screen.query_one("#query", Input)
        assert query.has_focus
        await pilot.press(*payload, "enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert query.value == payload
    assert drafts_of(venue) == []


@pytest.mark.parametrize("refusal", ["forged", "revoked", "unknown_key", "unknown_venue"])
async def test_refused_placard_burst_says_why_and_creates_nothing(keys: Keys, refusal: str) -> None:
    venue = my_venues(1)[0]
    payload = keys.placard(venue.code)
    if refusal == "forged":
        last = payload[-2]  # change one signature character (still base32)
        payload = payload[:-2] + ("B" if last != "B" else "C") + payload[-1]
    elif refusal == "revoked":
        key_id, private, public = generate_key()
        placards.register_public_key(key_id, public, revoked=True)
        payload = sign_payload(venue.code, key_id, private)
    elif refusal == "unknown_key":
        key_id, private, _ = generate_key()
        payload = sign_payload(venue.code, key_id, private)
    else:
        payload = keys.placard("ZZ-0001")
    before = Inspection.select().count()
    app, _ = scanning_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, payload)
        assert isinstance(app.screen, HomeScreen)
        expected = t(f"placard.check.{refusal}", code=payload.split(":")[1], key_id="")
        shown = messages(app)
        assert any(m.split("（")[0] == expected.split("（")[0] for m in shown), shown
    assert Inspection.select().count() == before


async def test_typed_code_asks_for_the_reason_with_an_empty_note(demo_home: Path) -> None:
    """A typed code is how the venue was chosen, not why: the note starts empty, and
    "other" with only the code in its note is refused until a reason is written."""
    venue = my_venues(1)[0]
    app, _ = scanning_app()
    async with app.run_test(size=SIZE) as pilot:
        await code_typed_into_scan(app, pilot, venue.code)
        assert type(app.screen).__name__ == "PresenceDialog"
        note = app.screen.query_one("#presence-note", Input)
        assert note.value == ""
        await pilot.press("end", "enter")  # the last reason: other
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PresenceDialog"
        assert t("presence.note_needed") == str(app.screen.query_one("#presence-error").render())
        assert app.screen.focused is note
        await pilot.press(*venue.code, "f10")  # the code again is no reason
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PresenceDialog"
        assert t("presence.note_needed") == str(app.screen.query_one("#presence-error").render())
        note.value = ""
        await pilot.press(*"门卫未开门", "f10")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "InspectScreen"
    [draft] = drafts_of(venue)
    assert draft.presence == "manual"
    assert draft.presence_reason == "other"
    assert draft.presence_note == "门卫未开门"
    assert draft.presence_payload == ""


async def test_a_paste_on_the_welcome_screen_stays_in_its_field(home: Path) -> None:
    """Before enrolment there is nothing to verify a placard with: a burst pasted into the
    enrolment field (a terminal without bracketed paste types it at scanner speed) is
    typing, kept in the field, and its Enter enrols — it is not swallowed as a scan."""
    from textual import events

    from fieldapp.tui.screens.welcome import NotEnrolledScreen

    key_id, private, _public = generate_key()
    pasted = sign_payload("DM-0001", key_id, private)
    app = make_app()
    # Every key 4 ms after the one before, however slowly the test runs; "now" stays
    # before them all, so a held burst is never given up for want of keys.
    stamps = iter(1000.0 + n * 0.004 for n in range(10_000))
    app.key_time = lambda event: next(stamps)
    app.wedge.clock = lambda: 0.0
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, NotEnrolledScreen)
        code = screen.query_one("#enroll-code", Input)
        code.focus()
        await pilot.press(*pasted, "enter")
        await settle(app, pilot)
        assert code.value == pasted
        # Its Enter was delivered: the enrolment ran and says what is missing.
        assert t("welcome.error.missing") in str(screen.query_one("#enroll-status").render())
        # A bracketed paste goes to the field too.
        url = screen.query_one("#enroll-url", Input)
        url.focus()
        app.post_message(events.Paste("https://fieldapp.example:8443"))
        await settle(app, pilot)
        assert url.value == "https://fieldapp.example:8443"
        assert isinstance(app.screen, NotEnrolledScreen)
