"""The inspector reads why the supervisor's review left a hazard as it stands: the
rejection's note, the new deadline and its reason, the unit and reference of a hand-over,
from the hazard's events on the device. The inspection record said only "Hazard: General ·
To rectify · deadline …" (the re-inspect dialog: tests/test_reinspect_and_photo_fit_80x24)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldapp.domain.clock import now_iso
from fieldapp.domain.ids import new_id
from fieldapp.services.inspection import findings
from fieldapp.services.inspection.history import inspection_record
from fieldapp.store.models import Finding, FindingEvent
from fieldapp.tui.screens.inspection_record import item_lines


def reviewed(finding: Finding, event_type: str, note: str, **data: Any) -> None:
    """The supervisor's review of `finding`, as a sync brings it to the device."""
    FindingEvent.create(
        id=new_id(), finding=finding.id, type=event_type, actor="p-supervisor",
        role="supervisor", base_event=findings.fold_of(finding.id).last_event_id,
        at=now_iso(), note=note, data=data, server_seq=None,
    )  # fmt: skip
    findings.refresh(finding)


def test_the_record_says_the_extension_and_the_hand_over(demo_home: Path) -> None:
    extended, handed = Finding.select().where(Finding.state == "open").limit(2)
    reviewed(extended, "deadline_extended", "店主申请延期", deadline="2026-12-21")
    reviewed(handed, "deadline_extended", "先延期")
    reviewed(handed, "handed_over", "", unit="fire_brigade", reference="消移〔2026〕7号")
    said = {}
    for found in (extended, handed):
        record = inspection_record(found.inspection_id)
        [item] = [i for i in record.items if i.code == found.item_code]
        said[found.id] = item_lines(item)
    assert "整改期限已延至 2026-12-21（店主申请延期）" in said[extended.id]
    assert "已移交 消防大队 · 文号 消移〔2026〕7号" in said[handed.id]
    assert not any("先延期" in line for line in said[handed.id])  # the latest review only
