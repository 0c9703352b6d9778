"""A re-check (复查) is of someone else's fix (domain.md 3.1: 申请复查 → 复查): a grid head
who reported a hazard fixed does not verify it himself. The device refuses such rows of
a bulk verify with the reason, the others go ahead; and the fold both the device and the
server run takes a self-verification an older device sent as a conflict, not a close."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from review_world import World, add_finding, build_world

from fieldapp.domain import findings as machine
from fieldapp.i18n import set_language
from fieldapp.services import review
from fieldapp.services.inspection import findings
from fieldapp.store import close_store
from fieldapp.store.models import Finding


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    yield build_world(tmp_path)
    close_store()


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "复查须由报告整改以外的人进行"), ("en", "someone other than")]
)
def test_a_bulk_verify_refuses_the_fixes_i_reported(world: World, lang: str, said: str) -> None:
    set_language(lang)
    try:
        mine = add_finding(world, "DM-0001", "COM-03")
        theirs = add_finding(world, "DM-0002", "COM-07")
        findings.append_event(mine, "rectification_reported", note="已清理")  # the supervisor
        world.act_as("inspector", "dev-inspector")
        findings.append_event(theirs, "rectification_reported", note="已清理")
        world.act_as("supervisor")
        results = {r.finding_id: r for r in review.bulk_apply([mine, theirs], "verified")}
        assert results[theirs].applied
        assert not results[mine].applied and said in results[mine].reason
        assert Finding.get_by_id(mine).state == "rectification_reported"
        assert Finding.get_by_id(theirs).state == "closed"
    finally:
        set_language("zh")


def _event(eid: str, kind: str, actor: str, role: str, base: str | None) -> machine.Event:
    return machine.Event.from_mapping(
        {"id": eid, "type": kind, "actor": actor, "role": role, "base_event": base,
         "at": "2026-12-06T10:00:00+08:00", "server_seq": int(eid)}
    )  # fmt: skip


def test_the_fold_takes_a_self_verification_as_a_conflict() -> None:
    events = [
        _event("1", "opened", "p-insp", "inspector", None),
        _event("2", "rectification_reported", "p-head", "supervisor", "1"),
        _event("3", "verified", "p-head", "supervisor", "2"),
    ]
    folded = machine.fold(events)
    assert folded.state == "rectification_reported"
    assert [c.event_id for c in folded.conflicts] == ["3"]
    other = [*events[:2], _event("3", "verified", "p-other", "supervisor", "2")]
    assert machine.fold(other).state == "closed"
