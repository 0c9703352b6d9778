"""A notice printed after a hazard's deadline passed (a reprint, a venue that never
fixed it) listed the past deadline with no word: the row now says 已逾期（N 天）, or
Overdue (N days) in an English notice; a deadline still ahead says nothing more. Real
PDFs read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from review_world import World, add_finding, build_world

from fieldapp.domain.clock import today
from fieldapp.reports.notices import render_notice
from fieldapp.services.documents import notices as documents
from fieldapp.store import close_store


def _flat(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join("".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    yield build_world(tmp_path)
    close_store()


def test_a_past_deadline_is_marked_overdue_in_the_notices_language(world: World) -> None:
    found = (today() - dt.timedelta(days=40)).isoformat() + "T01:00:00Z"
    add_finding(world, "DM-0001", "COM-03", deadline=today() - dt.timedelta(days=39),
                found=found)  # fmt: skip
    add_finding(world, "DM-0001", "COM-04", deadline=today() - dt.timedelta(days=1),
                found=found)  # fmt: skip
    add_finding(world, "DM-0001", "COM-05", deadline=today() + dt.timedelta(days=5))
    notice = documents.notice_for_venue("DM-0001")
    chinese = _flat(render_notice(notice))
    assert "已逾期（39天）" in chinese and "已逾期（1天）" in chinese, chinese
    assert chinese.count("已逾期") == 2  # the deadline ahead is not marked
    english = _flat(render_notice(notice, lang="en"))
    assert "Overdue(39days)" in english and "Overdue(1day)" in english, english
    assert "已逾期" not in english
