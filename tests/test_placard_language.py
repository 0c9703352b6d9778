"""`fieldapp --lang en placards …` printed its placards in Chinese: the renderer was never
told the language the user chose. A placard's own wording (title, labels, the scan hint,
the precautions, the footer) now follows --lang, on a device's placards and the server's;
Chinese stays the default, and the venue's name, which is data, is printed as it is.
Real PDFs read back with pypdf."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from fieldapp.cli import main
from fieldapp.services.common.identity import set_identity
from fieldapp.store import close_store, open_store
from fieldapp.store.models import Grid, Person, Venue

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after

NAME = "芸美村·便民超市(示例)"

# The placard's own wording in each language (fieldapp/i18n/catalog_placard.py).
WORDING = {
    "en": (
        "Venue code",
        "Responsible person",
        "Fire precautions",
        "Shelves never hide hydrants or extinguishers",
        "In case of fire call 119",
    ),
    "zh": ("场所编号", "消防安全责任人", "消防安全提示", "货架不得遮挡消火栓和灭火器", "发现火情，立即拨打119"),
}  # fmt: skip


def _text(pdf: Path) -> str:
    """The PDF's text without the spaces and line breaks extraction puts in."""
    return "".join("".join(page.extract_text() for page in PdfReader(pdf).pages).split())


def _says(text: str, lang: str) -> bool:
    return all("".join(words.split()) in text for words in WORDING[lang])


def _says_none(text: str, lang: str) -> bool:
    return not any("".join(words.split()) in text for words in WORDING[lang])


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    open_store(tmp_path / "fieldapp.sqlite3")
    Grid.create(code="YM", name="芸美村", level="village", parent=None)
    Venue.create(id="v4", code="YM-0001", name=NAME, kind="supermarket", grid="YM",
                 address="示例路1号", contact="张三", phone="13800000000")  # fmt: skip
    Person.create(id="p-1", name="李巡查", role="inspector")
    set_identity("p-1", "d-1")  # an enrolled device: the CLI refuses an empty one
    close_store()
    return tmp_path


@pytest.mark.parametrize(("lang", "other"), [("en", "zh"), ("zh", "en")])
def test_a_device_prints_its_placards_in_the_language_chosen(
    home: Path, lang: str, other: str, caplog: pytest.LogCaptureFixture
) -> None:
    out = home / f"{lang}.pdf"
    with caplog.at_level(logging.WARNING):
        done = CliRunner().invoke(
            main, ["--lang", lang, "placards", "--venue", "YM-0001", "--out", str(out)]
        )
    assert done.exit_code == 0, done.output
    text = _text(out)
    assert _says(text, lang) and _says_none(text, other), text
    assert "".join(NAME.split()) in text  # the venue's name is data: as it is
    # The font draws both scripts: no placeholder for a glyph it lacks, no fpdf warning.
    assert "□" not in text and "missing the following glyphs" not in caplog.text


def test_chinese_stays_the_default(home: Path) -> None:
    out = home / "default.pdf"
    done = CliRunner().invoke(main, ["placards", "--venue", "YM-0001", "--out", str(out)])
    assert done.exit_code == 0, done.output
    text = _text(out)
    assert _says(text, "zh") and _says_none(text, "en")
    assert "未签名标牌·不能证明到场" in text


def test_printing_again_to_a_name_taken_keeps_the_first_pdf(home: Path) -> None:
    out = home / "placards.pdf"
    first = CliRunner().invoke(main, ["placards", "--venue", "YM-0001", "--out", str(out)])
    assert first.exit_code == 0, first.output
    printed = out.read_bytes()
    again = CliRunner().invoke(main, ["placards", "--venue", "YM-0001", "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert out.read_bytes() == printed  # the first one is kept
    second = home / "placards-2.pdf"
    assert second.is_file() and str(second) in again.output, again.output


def _admin(db: Path, *args: str, lang: str = "zh"):
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", f"sqlite:///{db}", *args])


def test_the_server_prints_its_signed_placards_in_the_language_chosen(tmp_path: Path) -> None:
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    grids = tmp_path / "网格.csv"
    grids.write_text("编号,名称,级别,上级\nYM,芸美村,村,\n", "utf-8")
    venues = tmp_path / "场所.csv"
    venues.write_text(f"编号,场所名称,类别,网格\nYM-0001,{NAME},超市,YM\n", "utf-8")
    for command, sheet in (("import-grids", grids), ("import-venues", venues)):
        imported = _admin(db, command, str(sheet))
        assert imported.exit_code == 0, imported.output
    for lang, other in (("en", "zh"), ("zh", "en")):
        out = tmp_path / f"server-{lang}.pdf"
        done = _admin(db, "placards", "--venue", "YM-0001", "--out", str(out), lang=lang)
        assert done.exit_code == 0, done.output
        text = _text(out)
        title = {"en": "Firesafetyplacard", "zh": "消防安全标牌"}
        assert title[lang] in text and title[other] not in text
        assert _says(text, lang) and _says_none(text, other), text
