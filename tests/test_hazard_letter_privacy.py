"""The hazard hand-over letter (隐患移交抄告单) masks ID numbers and phones typed into a
hazard's description or the note typed with the hand-over, as the incident letter and
every screen do (data minimisation under PIPL). Read back from the printed PDF."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from review_world import World, add_finding, build_world

from fieldapp.services import review
from fieldapp.store import close_store

pypdf = pytest.importorskip("pypdf")

try:
    from fieldapp.reports.placards import find_cjk_font

    find_cjk_font()
except Exception:  # pragma: no cover - depends on the machine's fonts
    pytest.skip("no CJK font on this machine", allow_module_level=True)

ID_NUMBER = "350102199001011234"
PHONE = "13812345678"


def _text(pdf: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return "".join("".join((p.extract_text() or "").split()) for p in reader.pages)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    yield build_world(tmp_path)
    close_store()


def test_the_hazard_letter_masks_numbers_in_the_note_and_description(
    world: World, tmp_path: Path
) -> None:
    from fieldapp.cli import main

    fid = add_finding(
        world, "DM-0002", "COM-04", severity="major", description=f"业主身份证{ID_NUMBER}"
    )
    data = {"unit": "fire_brigade", "reference": "鼎网移〔2026〕9号"}
    [result] = review.bulk_apply([fid], "handed_over", f"业主电话{PHONE} 请联系", data)
    assert result.applied
    close_store()
    out = tmp_path / "letter.pdf"
    ran = CliRunner().invoke(main, ["handover-letter", "--finding", fid, "--out", str(out)])
    assert ran.exit_code == 0, ran.output

    text = _text(out)

    assert "业主电话138****5678请联系" in text, text
    assert "业主身份证3501**********1234" in text, text
    assert PHONE not in text and ID_NUMBER not in text, text
    assert "鼎网移〔2026〕9号" in text
