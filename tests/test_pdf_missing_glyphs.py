"""An emoji the CJK font cannot draw (typed into a hazard's description, a venue's name)
prints as a marker saying one stood there, [表情] / [emoji], the text round it kept (it
printed as "□", read as a character lost, and then not at all, hiding it), and
fpdf's English warning "Font … is missing the following glyphs" never reaches the user:
every PDF begins with `reports.pdf_pages.cjk_pdf`. Real PDFs read back with pypdf."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from review_world import World, add_finding, build_world

from fieldapp.store import close_store

pypdf = pytest.importorskip("pypdf")

try:
    from fieldapp.reports.placards import find_cjk_font

    find_cjk_font()
except Exception:  # pragma: no cover - depends on the machine's fonts
    pytest.skip("no CJK font on this machine", allow_module_level=True)

MISSING = "missing the following glyphs"


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() or "" for page in reader.pages)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    yield build_world(tmp_path)
    close_store()


def test_a_notice_marks_an_emoji_without_fpdfs_warning(
    world: World, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from fieldapp.cli import main

    add_finding(world, "DM-0001", "COM-03", description="压力在红区🔥灭火器过期")
    close_store()
    out = tmp_path / "n.pdf"
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(main, ["notice", "--venue", "DM-0001", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert MISSING not in result.output and MISSING not in caplog.text
    text = "".join(_text(out.read_bytes()).split())
    assert "压力在红区[表情]灭火器过期" in text and "🔥" not in text and "□" not in text


def test_a_placard_marks_an_emoji_in_english_too(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from fieldapp.reports.placards import PlacardInfo, render_pdf

    info = PlacardInfo("XY-1", "足浴😀店", "small_shop", "东村路1号", "某网格", "李四", "",
                       "XY-1", signed=False)  # fmt: skip
    out = tmp_path / "p.pdf"
    with caplog.at_level(logging.WARNING):
        render_pdf([info], out, lang="en")
    assert MISSING not in caplog.text
    text = "".join(_text(out.read_bytes()).split())
    assert "足浴[emoji]店" in text and "😀" not in text and "□" not in text
