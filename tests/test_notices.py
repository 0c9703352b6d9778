"""The rectification notice and the hand-over letter: built from the store, rendered to
PDF, and read back as text."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from review_world import World, add_finding, build_world

from fieldapp.domain.clock import today
from fieldapp.services import review
from fieldapp.services.documents import notices as documents
from fieldapp.services.review import fk
from fieldapp.store import close_store
from fieldapp.store.models import Finding, Inspection

pypdf = pytest.importorskip("pypdf")

try:
    from fieldapp.reports.placards import find_cjk_font

    find_cjk_font()
except Exception:  # pragma: no cover - depends on the machine's fonts
    pytest.skip("no CJK font on this machine", allow_module_level=True)

REFERENCE = "鼎网移〔2025〕7号"


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() or "" for page in reader.pages)


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    yield build_world(tmp_path)
    close_store()


def test_notice_lists_the_venues_open_hazards_with_checklist_texts(world: World) -> None:
    from fieldapp.reports.notices import render_notice

    add_finding(world, "DM-0001", "COM-03", deadline=today(), description="楼梯间堆放纸箱")
    add_finding(
        world, "DM-0001", "COM-04", severity="major", deadline=today() + dt.timedelta(days=2)
    )
    notice = documents.notice_for_venue("dm-0001")
    assert [i.code for i in notice.items] == ["COM-03", "COM-04"]
    assert notice.items[0].on_the_spot and notice.qr_payload == "DM-0001"
    assert notice.inspector == "林网格员"
    text = _flat(_text(render_notice(notice)))
    for expected in (
        "整改通知书",
        "鼎美村·福顺小旅馆(示例)",
        "DM-0001",
        notice.items[0].text,  # the item text from the checklist
        notice.items[1].text,
        "楼梯间堆放纸箱",
        "立即整改",
        "重大",
        "林网格员",
        "签字",
    ):
        assert _flat(expected) in text, expected


def test_notice_uses_a_scanned_placard_payload_for_its_qr(world: World) -> None:
    fid = add_finding(world, "DM-0001", "COM-03")
    payload = "FA1:DM-0001:ABCDE:" + "A" * 103
    Inspection.update(presence_payload=payload, presence_at="2025-06-01T08:00:00Z").where(
        Inspection.id == fk(Finding.get_by_id(fid), "inspection")
    ).execute()
    assert documents.notice_for_venue("DM-0001").qr_payload == payload


def test_handover_letter_names_unit_reference_venue_and_history(world: World) -> None:
    from fieldapp.reports.notices import render_handover_letter

    first = add_finding(world, "DM-0002", "COM-04", severity="major", description="后门锁闭")
    second = add_finding(world, "DM-0002", "COM-07", deadline=today() - dt.timedelta(days=3))
    data = {"unit": "fire_brigade", "reference": REFERENCE}
    assert all(r.applied for r in review.bulk_apply([first, second], "handed_over", "", data))
    letter = documents.handover_letter([first, second])
    assert (letter.unit, letter.reference, letter.handler) == (
        "fire_brigade",
        REFERENCE,
        "王网格长",
    )
    text = _flat(_text(render_handover_letter(letter)))
    for expected in (
        "隐患移交抄告单",
        "消防大队",
        REFERENCE,
        "老渡口农贸市场(示例)",
        "DM-0002",
        "后门锁闭",
        letter.findings[0].item_text,
        "发现隐患",
        "移交",
        "王网格长",
    ):
        assert _flat(expected) in text, expected


def test_handover_letter_refuses_findings_not_handed_over_or_mixed(world: World) -> None:
    open_one = add_finding(world, "DM-0001", "COM-03")
    with pytest.raises(documents.DocumentError, match="尚未移交"):
        documents.handover_letter([open_one])
    a = add_finding(world, "DM-0002", "COM-04", severity="major")
    b = add_finding(world, "DM-0002", "COM-11", severity="major")
    review.bulk_apply([a], "handed_over", data={"unit": "fire_brigade", "reference": "A-1"})
    review.bulk_apply([b], "handed_over", data={"unit": "police_station", "reference": "B-2"})
    with pytest.raises(documents.DocumentError, match="分别打印"):
        documents.handover_letter([a, b])


def test_cli_writes_both_documents(world: World, tmp_path: Path) -> None:
    from fieldapp.cli import main

    fid = add_finding(world, "DM-0002", "COM-04", severity="major")
    review.bulk_apply([fid], "handed_over", data={"unit": "police_station", "reference": "P-9"})
    add_finding(world, "DM-0001", "COM-03")
    close_store()
    runner = CliRunner()
    notice_pdf, letter_pdf = tmp_path / "notice.pdf", tmp_path / "letter.pdf"
    result = runner.invoke(main, ["notice", "--venue", "DM-0001", "--out", str(notice_pdf)])
    assert result.exit_code == 0, result.output
    assert "福顺小旅馆" in _text(notice_pdf.read_bytes())
    result = runner.invoke(main, ["handover-letter", "--finding", fid, "--out", str(letter_pdf)])
    assert result.exit_code == 0, result.output
    assert "派出所" in _text(letter_pdf.read_bytes())
    result = runner.invoke(main, ["notice", "--venue", "XX-9999", "--out", str(notice_pdf)])
    assert result.exit_code == 1  # after the prefix, as every command's refusal
    assert result.output.strip() == "错误：没有编号为 XX-9999 的场所。"


def test_a_letter_made_while_the_screen_speaks_english_is_chinese_throughout(
    world: World,
) -> None:
    """The letter goes to a Chinese agency: its history lines are Chinese too (they were
    English, under a Chinese title); a refusal to write one follows the screen."""
    from fieldapp.i18n import language, set_language

    fid = add_finding(world, "DM-0002", "COM-04", severity="major")
    data = {"unit": "police_station", "reference": REFERENCE}
    assert all(r.applied for r in review.bulk_apply([fid], "handed_over", "", data))
    set_language("en")
    try:
        letter = documents.handover_letter([fid])
        history = " ".join(letter.findings[0].history)
        assert "派出所" in history and "移交" in history, history
        assert "Police" not in history and "Hazard found" not in history
        assert language() == "en"  # only the letter was written in Chinese
        open_one = add_finding(world, "DM-0001", "COM-03")
        with pytest.raises(documents.DocumentError, match="has not been handed over"):
            documents.handover_letter([open_one])
    finally:
        set_language("zh")


def test_a_notice_is_signed_by_every_inspector_who_found_its_hazards(world: World) -> None:
    """Not only the newest finder, and never the supervisor who prints it."""
    from fieldapp.reports.notices import render_notice

    add_finding(world, "DM-0001", "COM-03", found="2026-11-01T08:00:00Z")
    add_finding(world, "DM-0001", "COM-07", inspector="inspector2", found="2026-11-02T08:00:00Z")
    notice = documents.notice_for_venue("DM-0001")
    assert notice.inspector == "林网格员、陈流管员"
    text = _flat(_text(render_notice(notice)))
    assert "检查人员：林网格员、陈流管员" in text
    assert "王网格长" not in text


def test_no_notice_for_a_venue_whose_hazards_were_all_handed_over(world: World) -> None:
    fid = add_finding(world, "DM-0002", "COM-04", severity="major")
    data = {"unit": "fire_brigade", "reference": REFERENCE}
    assert all(r.applied for r in review.bulk_apply([fid], "handed_over", "", data))
    with pytest.raises(documents.NothingToRectify, match="已移交（消防大队），无需整改通知书"):
        documents.notice_for_venue("DM-0002")
    with pytest.raises(documents.NothingToRectify, match="没有待整改的隐患"):
        documents.notice_for_venue("DM-0001")


def test_a_letter_for_an_unknown_hazard_names_the_id_it_looked_for(world: World) -> None:
    from fieldapp.cli import main

    close_store()
    out = world.home / "letter.pdf"
    result = CliRunner().invoke(
        main, ["handover-letter", "--finding", "deadbeef", "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "本机找不到编号为 deadbeef 的隐患记录" in result.output
