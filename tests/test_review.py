"""The supervisor's review on the device: queues and filters, bulk actions, refusals,
conflicts, detail, and inspection review."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from review_world import World, add_finding, add_inspection, build_world

from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.ids import new_id
from fieldapp.services import review
from fieldapp.services.inspection import findings
from fieldapp.services.review import ActionRefused, NotPermitted, ReviewFilters
from fieldapp.services.review import inspections as inspections_review
from fieldapp.store import close_store
from fieldapp.store.db import db
from fieldapp.store.migrations import SCHEMA_VERSION, current_version
from fieldapp.store.models import Finding, FindingEvent, Inspection, Outbox

DAY = dt.timedelta(days=1)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    yield build_world(tmp_path)
    close_store()


def _report(world: World, finding_id: str, who: str = "inspector") -> None:
    world.act_as(who, f"dev-{who}")
    findings.append_event(finding_id, "rectification_reported", note="已清理")
    world.act_as("supervisor")


def _ids(rows: list[review.ReviewRow]) -> list[str]:
    return [r.finding_id for r in rows]


def _ops(op_type: str) -> list[dict]:
    return [json.loads(o.payload) for o in Outbox.select().where(Outbox.type == op_type)]


# --- schema --------------------------------------------------------------------------


def test_store_has_the_review_schema(world: World) -> None:
    assert current_version(db) == SCHEMA_VERSION
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(finding)").fetchall()}
    assert "conflict" in columns
    indexes = {row[1] for row in db.execute_sql("PRAGMA index_list(finding)").fetchall()}
    assert {"finding_conflict_deadline", "finding_severity_state_deadline"} <= indexes


def test_review_migration_is_idempotent(world: World) -> None:
    from fieldapp.store.migrations import _v3_review

    _v3_review(db)  # a store whose v1 already made the column: nothing breaks
    assert Finding.select().count() == 0


# --- queues ------------------------------------------------------------------------


def test_queues_hold_what_their_names_say(world: World) -> None:
    reported = add_finding(world, "DM-0001", "COM-03")
    _report(world, reported)
    overdue = add_finding(world, "DM-0002", "COM-07", deadline=today() - 2 * DAY)
    major = add_finding(world, "DM-0002", "COM-04", severity="major")
    later = add_finding(world, "YM-0001", "COM-01", deadline=today() + 10 * DAY)

    def queue(name: str) -> list[str]:
        return _ids(review.review_queue(ReviewFilters(queue=name)))

    assert queue("awaiting_verification") == [reported]
    assert queue("overdue") == [overdue]
    assert queue("major") == [major]
    assert queue("handed_over") == [] and queue("conflicts") == []
    assert set(queue("active")) == {reported, overdue, major, later}
    counts = review.queue_counts(ReviewFilters())
    assert counts["awaiting_verification"] == 1 and counts["active"] == 4
    row = review.review_queue(ReviewFilters(queue="overdue"))[0]
    assert row.overdue and row.venue_code == "DM-0002" and row.inspector_name == "林网格员"
    assert row.found_on == today() or row.found_on is not None


def test_filters_by_grid_with_descendants_kind_severity_inspector_and_dates(world: World) -> None:
    a = add_finding(world, "DM-0001", "COM-03")  # V01-A, small_hotel
    b = add_finding(world, "DM-0002", "COM-07", severity="major")  # V01, market
    c = add_finding(world, "YM-0001", "COM-01", inspector="inspector2")  # V02
    old = add_finding(world, "YM-0001", "COM-02", found="2024-03-01T08:00:00.000Z")
    active = ReviewFilters(queue="active")

    def ids(**changes: object) -> set[str]:
        filters = ReviewFilters(**{**active.__dict__, **changes})  # type: ignore[arg-type]
        return set(_ids(review.review_queue(filters, limit=100)))

    assert ids(grids=("V01",)) == {a, b}  # the village includes its area
    assert ids(grids=("V01-A",)) == {a}
    assert ids(kinds=("market", "supermarket")) == {b, c, old}
    assert ids(severity="major") == {b}
    assert ids(inspector=world.people["inspector2"]) == {c}
    assert ids(found_from=dt.date(2024, 1, 1), found_to=dt.date(2024, 12, 31)) == {old}
    assert ids(found_from=today()) == {a, b, c}
    assert review.queue_count(ReviewFilters(queue="active", grids=("V02",))) == 2


def test_a_village_head_sees_only_the_village(world: World) -> None:
    add_finding(world, "DM-0001", "COM-03")
    theirs = add_finding(world, "YM-0001", "COM-01")
    world.act_as("village_head")
    assert _ids(review.review_queue(ReviewFilters(queue="active"))) == [theirs]
    # asking for another village's grid gives nothing rather than widening the scope
    assert review.review_queue(ReviewFilters(queue="active", grids=("V01",))) == []


def test_sorting_and_paging(world: World) -> None:
    made = []
    for n in range(12):
        code = ("DM-0001", "DM-0002", "YM-0001")[n % 3]
        made.append(
            add_finding(
                world,
                code,
                f"COM-{n + 1:02d}",
                deadline=today() + (20 - n) * DAY,
                severity="major" if n % 4 == 0 else "general",
            )
        )
    base = ReviewFilters(queue="active")
    by_deadline = review.review_queue(base, limit=100)
    deadlines = [r.deadline for r in by_deadline]
    assert deadlines == sorted(deadlines)  # type: ignore[type-var]
    pages = [review.review_queue(base, limit=5, offset=o) for o in (0, 5, 10)]
    assert [len(p) for p in pages] == [5, 5, 2]
    assert sum((_ids(p) for p in pages), []) == _ids(by_deadline)
    by_venue = review.review_queue(ReviewFilters(queue="active", sort="venue"), limit=100)
    assert [r.venue_code for r in by_venue] == sorted(r.venue_code for r in by_venue)
    by_severity = review.review_queue(ReviewFilters(queue="active", sort="severity"), limit=100)
    assert [r.severity for r in by_severity][:3] == ["major"] * 3
    newest = review.review_queue(
        ReviewFilters(queue="active", sort="found", descending=True), limit=1
    )
    assert newest[0].finding_id == made[-1]


# --- bulk actions ------------------------------------------------------------------------


def test_bulk_verify_applies_in_one_transaction_with_per_item_refusals(world: World) -> None:
    reported = [add_finding(world, "DM-0001", f"COM-0{n}") for n in (1, 2, 3)]
    for fid in reported:
        _report(world, fid)
    still_open = add_finding(world, "DM-0002", "COM-07")
    before = Outbox.select().count()
    results = review.bulk_apply([*reported, still_open, "no-such-id"], "verified", "复查合格")
    applied = {r.finding_id for r in results if r.applied}
    refused = {r.finding_id: r.reason for r in results if not r.applied}
    assert applied == set(reported)
    assert set(refused) == {still_open, "no-such-id"}
    assert "待整改" in refused[still_open]  # says what state it is in
    assert all(Finding.get_by_id(f).state == "closed" for f in reported)
    assert Finding.get_by_id(still_open).state == "open"
    ops = _ops("finding.event")
    assert Outbox.select().count() == before + 3
    assert {op["finding_id"] for op in ops[-3:]} == set(reported)
    assert all(op["event"]["role"] == "supervisor" for op in ops[-3:])


def test_an_inspectors_bulk_verify_is_refused_and_nothing_is_written(world: World) -> None:
    fid = add_finding(world, "DM-0001", "COM-03")
    _report(world, fid)
    world.act_as("inspector", "dev-inspector")
    events, ops = FindingEvent.select().count(), Outbox.select().count()
    with pytest.raises(NotPermitted) as refused:
        review.bulk_apply([fid], "verified")
    assert "网格员" in str(refused.value)
    assert (FindingEvent.select().count(), Outbox.select().count()) == (events, ops)
    assert Finding.get_by_id(fid).state == "rectification_reported"


def test_reject_and_extend_need_a_new_deadline(world: World) -> None:
    fid = add_finding(world, "DM-0001", "COM-03", deadline=today() + 2 * DAY)
    with pytest.raises(ActionRefused):
        review.bulk_apply([fid], "deadline_extended")
    [earlier] = review.bulk_apply(
        [fid], "deadline_extended", data={"deadline": today().isoformat()}
    )
    assert not earlier.applied and "晚于" in earlier.reason
    later = (today() + 9 * DAY).isoformat()
    [ok] = review.bulk_apply([fid], "deadline_extended", "业主申请", {"deadline": later})
    assert ok.applied
    assert Finding.get_by_id(fid).current_deadline == today() + 9 * DAY
    _report(world, fid)
    [rejected] = review.bulk_apply(
        [fid], "rejected", "未整改到位", {"deadline": (today() + 3 * DAY).isoformat()}
    )
    assert rejected.applied
    finding = Finding.get_by_id(fid)
    assert finding.state == "open" and finding.current_deadline == today() + 3 * DAY


def test_hand_over_major_at_once_general_only_when_overdue(world: World) -> None:
    general = add_finding(world, "DM-0001", "COM-03", deadline=today() + 5 * DAY)
    overdue = add_finding(world, "DM-0001", "COM-07", deadline=today() - 1 * DAY)
    major = add_finding(world, "DM-0002", "COM-04", severity="major", deadline=today() + 5 * DAY)
    data = {"unit": "fire_brigade", "reference": "鼎网移〔2025〕7号"}
    with pytest.raises(ActionRefused):
        review.bulk_apply([major], "handed_over", data={"unit": "fire_brigade"})
    with pytest.raises(ActionRefused):
        review.bulk_apply([major], "handed_over", data={"unit": "army", "reference": "x"})
    results = {
        r.finding_id: r
        for r in review.bulk_apply([general, overdue, major], "handed_over", data=data)
    }
    assert results[major].applied and results[overdue].applied
    assert not results[general].applied and "重大隐患可立即移交" in results[general].reason
    handed = _ids(review.review_queue(ReviewFilters(queue="handed_over")))
    assert set(handed) == {major, overdue}
    state = findings.fold_of(major)
    assert (state.handed_over_to, state.reference, state.handed_over_on) == (
        "fire_brigade",
        "鼎网移〔2025〕7号",
        today(),
    )
    [outcome] = review.bulk_apply([major], "outcome_recorded", data={"outcome": "penalty"})
    [closed] = review.bulk_apply([major], "closed", "已销案")
    assert outcome.applied and closed.applied
    assert Finding.get_by_id(major).state == "closed"


def test_a_rejection_closing_an_unreported_hazard_and_extending_a_major_need_a_note(
    world: World,
) -> None:
    """The device's rule (the domain and the server still take events without a note)."""
    reported = add_finding(world, "YM-0001", "COM-01")
    still_open = add_finding(world, "YM-0001", "COM-03")
    major = add_finding(world, "YM-0001", "COM-04", severity="major", deadline=today())
    later = {"deadline": (today() + 365 * DAY).isoformat()}
    extended = review.bulk_apply([major, still_open], "deadline_extended", "", later)
    assert [r.applied for r in extended] == [False, True]  # a general one needs none
    assert "重大隐患延期须在备注中写明理由" in extended[0].reason
    [extended_major] = review.bulk_apply([major], "deadline_extended", "等待设备到货", later)
    assert extended_major.applied
    _report(world, reported)
    deadline = {"deadline": (today() + 3 * DAY).isoformat()}
    with pytest.raises(ActionRefused, match="仍未整改到位"):
        review.bulk_apply([reported], "rejected", "  ", deadline)
    results = {r.finding_id: r for r in review.bulk_apply([reported, still_open], "closed")}
    assert results[reported].applied  # reported fixed: closing needs no note
    assert not results[still_open].applied and "为何无需复查" in results[still_open].reason
    [closed] = review.bulk_apply([still_open], "closed", "已当场整改")
    assert closed.applied
    assert review.note_needed("verified", ["open"]) is None
    assert review.note_needed("closed", ["rectification_reported", "outcome_recorded"]) is None


def test_findings_outside_my_grids_are_refused(world: World) -> None:
    mine = add_finding(world, "YM-0001", "COM-01")
    other = add_finding(world, "DM-0001", "COM-03")
    for fid in (mine, other):
        _report(world, fid, "inspector2" if fid == mine else "inspector")
    world.act_as("village_head")
    results = {r.finding_id: r for r in review.bulk_apply([mine, other], "verified")}
    assert results[mine].applied
    assert not results[other].applied and "网格" in results[other].reason


# --- conflicts and detail ------------------------------------------------------------


def _foreign_event(
    fid: str, world: World, who: str, event_type: str, base: str, **data: object
) -> None:
    """An event made on another device from what it saw (`base`), arriving by sync."""
    FindingEvent.create(
        id=new_id(),
        finding=fid,
        type=event_type,
        actor=world.people[who],
        role="supervisor" if "head" in who or who == "supervisor" else "inspector",
        device_id=f"dev-{who}",
        base_event=base,
        at=now_iso(),
        data=dict(data),
    )
    findings.refresh(Finding.get_by_id(fid))


def test_a_concurrent_transition_is_kept_as_a_conflict_and_shown(world: World) -> None:
    fid = add_finding(world, "YM-0001", "COM-01", inspector="inspector2")
    _report(world, fid, "inspector2")
    seen = findings.fold_of(fid).last_event_id
    assert seen is not None
    [verified] = review.bulk_apply([fid], "verified")  # this device: verified
    assert verified.applied
    # the village head, offline, rejected the same report; it arrives after the verify
    _foreign_event(fid, world, "village_head", "rejected", seen, deadline="2099-01-01")
    folded = findings.fold_of(fid)
    assert len(folded.order) == 4 and len(folded.conflicts) == 1
    assert folded.state in ("closed", "open")
    assert _ids(review.review_queue(ReviewFilters(queue="conflicts"))) == [fid]
    detail = review.finding_detail(fid)
    assert [e.type for e in detail.events][0] == "opened"
    assert len(detail.events) == 4
    [conflict] = detail.conflicts
    names = {conflict.actor_name, conflict.other_name}
    assert names == {"王网格长", "郑村网格长"}
    assert conflict.actor_name in conflict.message and conflict.other_name in conflict.message
    assert any(e.conflict is not None for e in detail.events)
    assert {e.device_id for e in detail.events} >= {"dev-supervisor", "dev-village_head"}
    # acknowledged: out of the queue, still in the history
    review.acknowledge_conflicts(fid, "已电话核实")
    assert review.review_queue(ReviewFilters(queue="conflicts")) == []
    again = review.finding_detail(fid)
    assert len(again.conflicts) == 1 and again.conflicts[0].resolved


def test_detail_has_history_names_photos_and_past_inspections(world: World) -> None:
    fid = add_finding(world, "DM-0001", "COM-03", description="楼梯堆放纸箱")
    Finding.update(photos=["ab" * 32]).where(Finding.id == fid).execute()
    _report(world, fid)
    detail = review.finding_detail(fid)
    assert detail.item_zh.startswith("疏散通道") and detail.grid_name == "鼎美村一片"
    assert [e.label for e in detail.events] == ["发现隐患", "报告已整改"]
    assert detail.events[1].actor_name == "林网格员" and detail.events[1].note == "已清理"
    assert detail.photos[0].name == f"{'ab' * 32}.jpg"
    assert len(detail.past_inspections) == 1
    assert detail.past_inspections[0].inspector_name == "林网格员"


# --- inspection review -------------------------------------------------------------


def test_inspection_review_flags_manual_and_queues_the_comment(world: World) -> None:
    scanned = add_inspection(world, "DM-0001")
    manual = add_inspection(world, "DM-0002", presence="manual")
    rows = {r.inspection_id: r for r in inspections_review.list_submitted()}
    assert set(rows) == {scanned, manual}
    assert rows[manual].manual and not rows[scanned].manual
    only_manual = inspections_review.list_submitted(
        inspections_review.InspectionFilters(manual_only=True)
    )
    assert [r.inspection_id for r in only_manual] == [manual]

    inspections_review.mark_reviewed(scanned)
    with pytest.raises(ValueError):
        inspections_review.return_inspection(manual, "  ")
    inspections_review.return_inspection(manual, "未扫码，请补拍场所标牌照片")
    assert Inspection.get_by_id(manual).review_state == "returned"
    pending = inspections_review.list_submitted()
    assert pending == []  # the default list is "awaiting review"
    ops = _ops("inspection.review")
    assert [(op["inspection_id"], op["state"]) for op in ops] == [
        (scanned, "reviewed"),
        (manual, "returned"),
    ]
    assert ops[1]["comment"] == "未扫码，请补拍场所标牌照片"
    assert ops[1]["reviewer"] == world.people["supervisor"] and ops[1]["at"]


def test_an_inspector_cannot_review_inspections(world: World) -> None:
    iid = add_inspection(world, "DM-0001")
    world.act_as("inspector", "dev-inspector")
    before = Outbox.select().count()
    with pytest.raises(NotPermitted):
        inspections_review.return_inspection(iid, "不行")
    assert Outbox.select().count() == before
    assert Inspection.get_by_id(iid).review_state == ""
