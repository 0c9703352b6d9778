"""Pulled inspections, findings and hazard events on the device (sync/client/inspection_rows):
what arrives is stored as the server says, and a record whose venue or finding this
device does not hold is skipped with a warning that says why, the rest of the page applied.

Applied directly to a real store file (`tree`: China time) in the feed's record shapes
(sync.server.records), as the pull does: a normal server never sends a finding of a venue
the device does not hold, but a device whose grids were narrowed between two pages of a
pull, or whose store was made anew, meets exactly that.
"""

from __future__ import annotations

import hashlib
from typing import Any

from rounds_support import INSPECTOR_A11, SUPERVISOR, add_venue
from sync_world import inspection_submit
from test_pull_apply import pull

from fieldapp.store.db import db
from fieldapp.store.models import Answer, Finding, FindingEvent, Inspection, Person
from sync.client.apply import PageApplier
from sync.client.blobs import missing_blobs
from sync.protocol import Change

STAMP = "2026-06-10T02:00:00.000Z"
STRANGER = "0190b000-0000-7000-8000-0000000000ee"  # an inspector whose record is not here


def inspection(inspection_id: str, venue_id: str, inspector: str = INSPECTOR_A11) -> dict:
    """An inspection as the feed sends it to a supervisor: the record with its answers."""
    submit = inspection_submit(venue_id, inspector)
    return {**submit["inspection"], "id": inspection_id, "answers": submit["answers"],
            "received_at": STAMP, "presence_check": "", "presence_check_reason": ""}  # fmt: skip


def finding(finding_id: str, venue_id: str, state: str = "open", **extra: Any) -> dict:
    return {
        "id": finding_id, "inspection_id": None, "venue_id": venue_id, "item_code": "COM-01",
        "severity": "general", "description": "灭火器过期", "deadline": "2026-06-20",
        "photos": [], "created_at": STAMP, "created_by": INSPECTOR_A11, "state": state,
        "current_deadline": None, "conflict": False, **extra,
    }  # fmt: skip


def hazard_event(event_id: str, finding_id: str, server_order: int) -> dict:
    return {
        "id": event_id, "finding_id": finding_id, "type": "opened", "actor": INSPECTOR_A11,
        "role": "inspector", "device_id": "", "base_event": None, "at": STAMP, "note": "",
        "photos": [], "data": {"deadline": "2026-06-20"}, "received_at": STAMP,
        "server_order": server_order, "conflict": False, "conflict_reason": "",
    }  # fmt: skip


def test_an_inspection_of_a_venue_not_on_this_device_is_skipped_and_the_rest_applied(
    tree,
) -> None:
    held = add_venue("DM-0101", "small_hotel", "A11")
    warnings = pull(
        ("inspection", inspection("i-9", "venue-elsewhere")),
        ("inspection", inspection("i-1", held)),
    )
    assert warnings == ["inspection i-9 skipped: its venue is not on this device"]
    assert [row.id for row in Inspection.select()] == ["i-1"]
    assert Answer.select().where(Answer.inspection == "i-9").count() == 0
    answers = {a.item_code: a.outcome for a in Answer.select().where(Answer.inspection == "i-1")}
    assert answers == {"COM-01": "fail", "COM-02": "pass"}


def test_the_inspector_of_a_pulled_inspection_not_on_this_device_is_named_by_id_till_known(
    tree,
) -> None:
    held = add_venue("DM-0101", "small_hotel", "A11")
    known = Person.get_by_id(INSPECTOR_A11).name
    pull(
        ("inspection", inspection("i-1", held, inspector=STRANGER)),
        ("inspection", inspection("i-2", held)),
    )
    stranger = Person.get_by_id(STRANGER)  # the review shows who, until the person arrives
    assert (stranger.name, stranger.role) == (STRANGER, "inspector")
    assert Inspection.get_by_id("i-1").inspector_id == STRANGER
    assert Person.get_by_id(INSPECTOR_A11).name == known  # a held person is left as it is


def test_a_supervisors_own_inspection_takes_the_servers_verdict_on_its_scan(tree) -> None:
    """A supervisor who inspected gets the record of it back (records go to supervisors):
    the copy it holds is kept, except for what only the server can say about its scan."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    mine = inspection("i-1", held, inspector=SUPERVISOR)
    pull(("inspection", {**mine, "presence": "scan"}))
    refused = {**mine, "presence": "manual", "presence_check": "failed",
               "presence_check_reason": "placard key revoked", "summary": {"total": 99}}  # fmt: skip
    assert pull(("inspection", refused)) == []
    row = Inspection.get_by_id("i-1")
    assert (row.presence, row.presence_check, row.presence_check_reason) == (
        "manual", "failed", "placard key revoked",
    )  # fmt: skip
    assert row.summary == {"total": 2}  # immutable after submit: the device's own copy
    assert Answer.select().where(Answer.inspection == "i-1").count() == 2  # not doubled


def test_a_page_that_repeats_a_held_inspection_still_brings_the_new_ones_after_it(tree) -> None:
    """A pull started again sends an inspection the device holds beside new ones: the new
    ones after it are stored, and one sent twice on a page is stored once."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    pull(("inspection", inspection("i-1", held)))
    pull(
        ("inspection", inspection("i-1", held)),
        ("inspection", inspection("i-2", held)),
        ("inspection", inspection("i-2", held)),
    )
    assert sorted(row.id for row in Inspection.select()) == ["i-1", "i-2"]
    assert Answer.select().where(Answer.inspection == "i-2").count() == 2
    pull(("inspection", inspection("i-3", held)), ("inspection", inspection("i-4", held)))
    answered = [a.inspection_id for a in Answer.select().where(Answer.inspection << ["i-3", "i-4"])]
    assert sorted(answered) == ["i-3", "i-3", "i-4", "i-4"]  # each its own answers


def test_a_pulled_inspection_keeps_what_the_review_shows_of_it(tree) -> None:
    """Who signed for the venue, when it was finished and sent, why no placard was
    scanned, what it corrects, the server's verdict and the proof: the supervisor's copy
    holds them as the inspector's device sent them, with the answers' values."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    pull(("inspection", inspection("i-0", held)))
    sent = {
        **inspection("i-1", held), "device_id": "dev-9", "started_at": "2026-06-10T01:00:00.000Z",
        "finished_at": "2026-06-10T01:40:00.000Z", "submitted_at": "2026-06-10T01:45:00.000Z",
        "presence": "scanned", "presence_payload": "FA1:DM-0101:K1:sig",
        "presence_reason": "placard_damaged", "presence_note": "牌子被雨淋坏",
        "presence_at": "2026-06-10T01:01:00.000Z", "representative": "王老板",
        "supersedes": "i-0", "presence_check": "verified",
        "presence_check_reason": "", "proof": {"scans": [], "photos": []},
    }  # fmt: skip
    sent["answers"] = [{**sent["answers"][0], "value": "3", "note": "3 具，1 具过期"}]
    pull(("inspection", sent))
    row = Inspection.get_by_id("i-1")
    kept = ("device_id", "started_at", "finished_at", "submitted_at", "presence",
            "presence_payload", "presence_reason", "presence_note", "presence_at",
            "representative", "supersedes", "presence_check", "presence_check_reason", "proof")  # fmt: skip
    assert {k: getattr(row, k) for k in kept} == {k: sent[k] for k in kept}
    assert row.status == "submitted"
    (answer,) = Answer.select().where(Answer.inspection == "i-1")
    assert (answer.value, answer.note) == ("3", "3 具，1 具过期")
    assert answer.answered_at == "2026-06-10T01:45:00.000Z"  # when it was sent


def test_a_pulled_inspection_flags_photos_taken_before_it_or_far_from_the_venue(tree) -> None:
    """The review filters inspections by their proof: the supervisor's device works the
    flags out from the photos' metadata, the inspection's start and the venue's place."""
    from fieldapp.store.models import Venue

    held = add_venue("DM-0101", "small_hotel", "A11")
    Venue.update(lat=24.5, lon=118.1).where(Venue.id == held).execute()
    early = {"sha256": "a" * 64, "taken_at": "2026-06-09T08:00:00.000Z", "lat": 24.5, "lon": 118.1}
    far = {"sha256": "b" * 64, "taken_at": "2026-06-10T02:05:00.000Z", "lat": 24.6, "lon": 118.1}
    near = {"sha256": "c" * 64, "taken_at": "2026-06-10T02:05:00.000Z", "lat": 24.5, "lon": 118.1}
    pull(
        ("inspection", {**inspection("i-1", held), "proof": {"photos": [early]}}),
        ("inspection", {**inspection("i-2", held), "proof": {"photos": [far]}}),
        ("inspection", {**inspection("i-3", held), "proof": {"photos": [near]}}),
    )
    flags = {row.id: row.proof_flags for row in Inspection.select()}
    assert flags == {"i-1": "taken_before_start", "i-2": "far_from_venue", "i-3": ""}


def test_pulled_hazard_events_keep_who_sent_them_what_they_answer_and_their_note(
    tree,
) -> None:
    """The finding's history shows each event's device, note and photos; the event it
    answers (`base_event`) is what tells a conflict on this device as on the server."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    sha = hashlib.sha256(b"rectified").hexdigest()
    rectified = {
        **hazard_event("e-2", "f-1", 1), "type": "rectification_reported", "data": {},
        "device_id": "dev-9", "base_event": "e-1", "note": "已更换灭火器", "photos": [sha],
    }  # fmt: skip
    pull(
        ("finding", finding("f-1", held)),
        ("finding.event", hazard_event("e-1", "f-1", 0)),
        ("finding.event", rectified),
    )
    pull(
        ("finding.event", {**rectified, "id": "e-3"}), ("finding.event", {**rectified, "id": "e-3"})
    )
    assert FindingEvent.select().where(FindingEvent.id == "e-3").count() == 1  # kept once
    event = FindingEvent.get_by_id("e-2")
    assert (event.device_id, event.base_event, event.note, event.photos) == (
        "dev-9", "e-1", "已更换灭火器", [sha],
    )  # fmt: skip
    assert Finding.get_by_id("f-1").state == "rectification_reported"


def test_each_verdict_of_a_page_is_stored_and_told_past_ones_that_change_nothing(tree) -> None:
    """A verdict on an inspection the store no longer holds (it was made anew) and one
    already known are passed over; the verdicts after them on the page are still kept."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    for n in (1, 2, 3):
        pull(("inspection", {**inspection(f"i-{n}", held), "presence": "scan"}))

    def verdict(inspection_id: str, check: str, reason: str = "") -> dict:
        return {"id": inspection_id, "venue_id": held, "presence": "scan" if check == "verified"
                else "manual", "presence_check": check, "presence_check_reason": reason}  # fmt: skip

    pull(("inspection_verdict", verdict("i-2", "verified")))
    page = [("i-gone", "unverified", "unknown_key"), ("i-1", "unverified", "unknown_key"),
            ("i-2", "verified", ""), ("i-3", "unverified", "revoked_key")]  # fmt: skip
    changes = [Change(seq=n + 1, type="inspection_verdict", id=i, record=verdict(i, c, why))
               for n, (i, c, why) in enumerate(page)]  # fmt: skip
    applier = PageApplier(changes)
    with db.atomic():
        applier.apply()
    assert [(v.inspection_id, v.check, v.reason) for v in applier.verdicts] == [
        ("i-1", "unverified", "unknown_key"), ("i-3", "unverified", "revoked_key"),
    ]  # fmt: skip
    assert {i.id: (i.presence, i.presence_check) for i in Inspection.select()} == {
        "i-1": ("manual", "unverified"), "i-2": ("scan", "verified"), "i-3": ("manual", "unverified"),
    }  # fmt: skip


def test_a_finding_of_a_venue_not_on_this_device_is_skipped_and_the_rest_applied(
    tree,
) -> None:
    held = add_venue("DM-0101", "small_hotel", "A11")
    warnings = pull(
        ("finding", finding("f-9", "venue-elsewhere")),
        ("finding", finding("f-1", held)),
        ("finding", finding("f-1", held, description="灭火器已过期两年")),  # changed again
    )
    assert warnings == ["finding f-9 skipped: its venue is not on this device"]
    assert [(f.id, f.venue_id, f.description) for f in Finding.select()] == [
        ("f-1", held, "灭火器过期"),  # held once; only the server's state is taken after
    ]


def test_an_event_of_a_finding_not_on_this_device_is_skipped_and_a_held_one_renumbered(
    tree,
) -> None:
    held = add_venue("DM-0101", "small_hotel", "A11")
    pull(("finding", finding("f-1", held)))
    warnings = pull(
        ("finding.event", hazard_event("e-9", "finding-elsewhere", 7)),
        ("finding.event", hazard_event("e-1", "f-1", 8)),
    )
    assert warnings == ["event e-9 skipped: its finding is not on this device"]
    assert [(e.id, e.server_seq) for e in FindingEvent.select()] == [("e-1", 8)]
    assert pull(("finding.event", hazard_event("e-1", "f-1", 3))) == []
    assert FindingEvent.get_by_id("e-1").server_seq == 3  # the server's order is the one


def test_a_finding_shows_the_servers_state_until_its_events_are_here(tree) -> None:
    """A pull can stop between the page of a finding and the page of its events: until
    those come, the supervisor sees the state the server sent, not that of a finding
    with no events ("open")."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    pull(("finding", finding("f-1", held, state="rectification_reported")))
    assert Finding.get_by_id("f-1").state == "rectification_reported"
    pull(("finding", finding("f-1", held, state="closed", current_deadline="2026-06-27")))
    shown = Finding.get_by_id("f-1")
    assert (shown.state, str(shown.current_deadline)) == ("closed", "2026-06-27")
    pull(("finding.event", hazard_event("e-1", "f-1", 0)))  # its events: the fold stands
    assert Finding.get_by_id("f-1").state == "open"


def test_a_new_finding_shows_the_servers_deadline_and_conflict_until_its_events_are_here(
    tree,
) -> None:
    """A finding that has just arrived, its events still to come, is due when the server
    says (an extension counts, no extension: its own deadline) and is marked in conflict
    when the server found one, as a finding the device held already is."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    pull(
        ("finding", finding("f-1", held, current_deadline="2026-06-27", conflict=True)),
        ("finding", finding("f-2", held)),  # never extended
    )
    extended, plain = Finding.get_by_id("f-1"), Finding.get_by_id("f-2")
    assert (str(extended.current_deadline), extended.conflict) == ("2026-06-27", True)
    assert (str(plain.current_deadline), plain.conflict) == ("2026-06-20", False)
    pull(("finding", finding("f-2", held, conflict=True)))  # held: the server's view again
    assert Finding.get_by_id("f-2").conflict is True
    pull(
        ("finding", finding("f-1", held, current_deadline="2026-06-27")),  # resolved
        ("finding", finding("f-3", held)),  # a new one after a held one, in the same page
    )
    assert Finding.get_by_id("f-1").conflict is False
    assert Finding.get_or_none(Finding.id == "f-3") is not None


def test_an_event_the_server_found_in_conflict_keeps_its_reason_for_the_ledger(tree) -> None:
    """The server's reason goes with the event into its data, which the hazard ledger
    export prints beside it; an event without a conflict carries none."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    late = {**hazard_event("e-2", "f-1", 1), "type": "verified", "data": {}}
    late.update(conflict=True, conflict_reason="already verified by 李四")
    unexplained = {**late, "id": "e-3", "server_order": 2, "conflict_reason": ""}
    pull(
        ("finding", finding("f-1", held)),
        ("finding.event", hazard_event("e-1", "f-1", 0)),
        ("finding.event", late),
        ("finding.event", unexplained),
    )
    assert FindingEvent.get_by_id("e-2").data == {"conflict": "already verified by 李四"}
    assert FindingEvent.get_by_id("e-3").data == {"conflict": "conflict"}
    assert "conflict" not in FindingEvent.get_by_id("e-1").data


def test_only_well_formed_photo_references_are_fetched(tree) -> None:
    """A photo is asked for by its sha256; a reference that is not one (from a damaged or
    hostile record) is never asked for nor counted as waiting."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    good = hashlib.sha256(b"photo").hexdigest()
    pull(("finding", finding("f-1", held, photos=["../../etc/passwd", good.upper(), good])))
    assert missing_blobs() == [good]


def test_an_answers_photos_and_note_come_with_the_pulled_inspection(tree) -> None:
    """The review's answer shows its photos and note, and the device fetches the photos."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    photo = hashlib.sha256(b"extinguisher").hexdigest()
    record = inspection("i-1", held)
    record["answers"][0].update(photos=[photo], note="灭火器压力不足")
    assert pull(("inspection", record)) == []
    answers = Answer.select().where(Answer.inspection == "i-1")
    shown = {a.item_code: (a.photos, a.note) for a in answers}
    assert shown == {"COM-01": ([photo], "灭火器压力不足"), "COM-02": ([], "")}
    assert missing_blobs() == [photo]


def test_a_pulled_finding_keeps_the_inspection_it_was_found_in(tree) -> None:
    """The review's finding opens the inspection it came from when the device holds it;
    one whose inspection is not here still arrives, without the link."""
    held = add_venue("DM-0101", "small_hotel", "A11")
    pull(("inspection", inspection("i-1", held)))
    assert (
        pull(
            ("finding", finding("f-1", held, inspection_id="i-1")),
            ("finding", finding("f-2", held, inspection_id="i-elsewhere")),
        )
        == []
    )
    assert {f.id: f.inspection_id for f in Finding.select()} == {"f-1": "i-1", "f-2": None}
