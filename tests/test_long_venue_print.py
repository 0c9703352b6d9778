"""A venue's texts longer than an import takes now (imported before the bounds): the
printed notice and hand-over letter cut them with "…" instead of filling pages."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from fieldapp.domain.text_bounds import VENUE_NAME_MAX
from fieldapp.reports.notices import (
    HandOverLetter,
    LetterFinding,
    RectificationNotice,
    VenueBlock,
    render_handover_letter,
    render_notice,
)

pypdf = pytest.importorskip("pypdf")

try:
    from fieldapp.reports.placards import find_cjk_font

    find_cjk_font()
except Exception:  # pragma: no cover - depends on the machine's fonts
    pytest.skip("no CJK font on this machine", allow_module_level=True)

VENUE = VenueBlock("ZZ-0001", "长" * 50_000, address="址" * 50_000, grid_name="鼎美村")


def _pages(pdf: bytes) -> list[str]:
    return [
        "".join((page.extract_text() or "").split())
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
    ]


def test_a_notice_for_a_venue_named_with_50000_characters_is_one_page() -> None:
    """Found by a tester: such a venue's notice had 79 pages."""
    notice = RectificationNotice("N-1", VENUE, (), "林网格员", dt.date(2026, 3, 1), "ZZ-0001")
    (page,) = _pages(render_notice(notice))
    assert "长" * (VENUE_NAME_MAX - 1) + "…" in page
    assert "长" * VENUE_NAME_MAX not in page


def test_a_hand_over_letter_for_that_venue_cuts_its_name_too() -> None:
    finding = LetterFinding(
        "ZZ-0001", VENUE.name, "COM-03", "疏散通道畅通", "general", "", None, None, ()
    )
    letter = HandOverLetter(
        "fire_brigade", "鼎网移〔2025〕7号", dt.date(2026, 3, 1), (VENUE,), (finding,), "王站长"
    )
    pages = _pages(render_handover_letter(letter))
    assert len(pages) <= 2
    assert "长" * VENUE_NAME_MAX not in "".join(pages)
