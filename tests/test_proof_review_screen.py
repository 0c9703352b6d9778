"""The supervisor sees how each visit is proved, in the inspection review (F5, then i).

Pilot drives the real app on the demo workspace as the demo supervisor. Three of its
submitted inspections are given what a pull brings (the server's verdict on a scan, a
photo's EXIF): a verified scan, a scan the server could not verify, and a manual visit
with a photo taken a year before the inspection, 2 km away. `p` cycles the proof filter.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import SIZE, open_inspection_review, settle
from textual.widgets import Label, Static

from fieldapp.domain.proof import flags_text, photo_flags
from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import Inspection, Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")

SHA = "ab" * 32


@pytest.fixture
def proofs(demo_home: Path) -> dict[str, str]:
    demo.act_as("supervisor")
    rows = list(
        Inspection.select()
        .where(Inspection.status == "submitted")
        .order_by(Inspection.submitted_at.desc())
        .limit(3)
    )
    verified, unverified, flagged = rows
    Inspection.update(presence="scanned", presence_check="verified").where(
        Inspection.id == verified.id
    ).execute()
    Inspection.update(
        presence="manual",
        presence_check="unverified",
        presence_check_reason="forged",
        presence_payload="FA1:X-0000:ZZZZZ:NOTASIGNATURE",
        proof={"scans": [{"source": "wedge", "at": unverified.started_at, "offset_ms": -1500}]},
    ).where(Inspection.id == unverified.id).execute()
    venue = Venue.get_by_id(flagged.venue_id)
    venue.lat, venue.lon = 24.68, 118.05
    venue.save()
    photo = {"sha256": SHA, "taken_at": "2025-01-01T00:00:00Z", "lat": 24.70, "lon": 118.05}
    flags = photo_flags([photo], flagged.started_at, venue.lat, venue.lon)
    Inspection.update(proof={"scans": [], "photos": [photo]}, proof_flags=flags_text(flags)).where(
        Inspection.id == flagged.id
    ).execute()
    return {"verified": verified.id, "unverified": unverified.id, "flagged": flagged.id}


async def test_the_supervisor_filters_by_proof_and_reads_why(proofs: dict[str, str]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_inspection_review(app, pilot)
        table = screen.query_one("#inspections-table", PagedTable)
        flag = {key: str(table.get_row(key)[0]) for key in proofs.values()}
        assert flag == {
            proofs["verified"]: "",
            proofs["unverified"]: "✗",
            proofs["flagged"]: "⚠!",
        }

        shown = []
        for _ in range(5):  # verified, unverified, manual, photo flags, any
            await pilot.press("p")
            await settle(app, pilot, rounds=2)
            keys = {r.inspection_id for r in screen.rows}
            label = str(screen.query_one("#inspections-filters", Label).render())
            shown.append((label, keys))
        assert "证据：扫码已核验" in shown[0][0] and shown[0][1] == {proofs["verified"]}
        assert "证据：扫码未通过核验" in shown[1][0] and shown[1][1] == {proofs["unverified"]}
        assert "证据：手工确认到场" in shown[2][0]
        assert proofs["flagged"] in shown[2][1] and proofs["unverified"] not in shown[2][1]
        assert "证据：照片存疑" in shown[3][0] and shown[3][1] == {proofs["flagged"]}
        assert "证据" not in shown[4][0] and set(proofs.values()) <= shown[4][1]

        detail = screen.query_one("#inspections-detail", Static)
        for which, expected in (
            ("unverified", ["服务器核验未通过（签名不符，标牌被改动或伪造）", "扫码枪", "-1.5 秒"]),
            ("flagged", ["早于检查开始", "距场所约 2,224 米", "标牌缺失"]),
        ):
            table.move_cursor(row=table.get_row_index(proofs[which]))
            await settle(app, pilot)
            text = str(detail.render())
            assert all(part in text for part in expected), text
