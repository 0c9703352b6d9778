"""`fieldapp handover-letter --finding` took only a hazard's id, a UUID no screen shows.
It now takes the hazard as the review screen (F5) names it, its venue code and check item
(`DM-0002 COM-04`); when the item was found at the venue more than once, the one handed
over, and when that still leaves several, a refusal listing them by id, found date and
state. An id still works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from review_world import World, add_finding, build_world

from fieldapp.cli import main
from fieldapp.i18n import set_language
from fieldapp.services import review
from fieldapp.store import close_store

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    yield build_world(tmp_path)
    close_store()
    set_language("zh")


def _hand_over(finding_id: str, reference: str = "P-9") -> None:
    review.bulk_apply(
        [finding_id], "handed_over", data={"unit": "police_station", "reference": reference}
    )


def _letter(out: Path, *names: str, lang: tuple[str, ...] = ()) -> tuple[int, str]:
    args = [*lang, "handover-letter", *(a for n in names for a in ("--finding", n))]
    done = CliRunner().invoke(main, [*args, "--out", str(out)])
    return done.exit_code, done.output


def _text(out: Path) -> str:
    return "".join("".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(out).pages)


def test_a_hazard_named_by_venue_and_item_as_the_review_screen_shows_it(
    world: World, tmp_path: Path
) -> None:
    handed = add_finding(world, "DM-0002", "COM-04", severity="major")
    _hand_over(handed)
    add_finding(world, "DM-0002", "COM-04")  # found again later, not handed over
    close_store()
    out = tmp_path / "letter.pdf"
    code, said = _letter(out, "dm-0002 com-04")
    assert code == 0, said
    assert said.strip() == f"已写入 {out}（1 项）"
    assert "P-9" in _text(out) and "COM-04" in _text(out)
    code, said = _letter(tmp_path / "by-id.pdf", handed)  # the id, as before
    assert code == 0, said


@pytest.mark.parametrize(
    ("lang", "said"),
    [((), "DM-0002 COM-04 对应多条隐患，请用其中一条的隐患编号："),
     (("--lang", "en"), "More than one hazard is DM-0002 COM-04; give the id of one of them:")],
)  # fmt: skip
def test_a_name_of_several_hazards_handed_over_is_refused_listing_them(
    world: World, tmp_path: Path, lang: tuple[str, ...], said: str
) -> None:
    ids = [
        add_finding(world, "DM-0002", "COM-04", found=day)
        for day in ("2026-03-02T01:00:00Z", "2026-04-05T01:00:00Z")
    ]
    for number, finding_id in enumerate(ids):
        _hand_over(finding_id, f"P-{number}")
    close_store()
    out = tmp_path / "letter.pdf"
    code, output = _letter(out, "DM-0002 COM-04", lang=lang)
    assert code == 1 and said in output, output
    for finding_id, day in zip(ids, ("2026-03-02", "2026-04-05"), strict=True):
        assert finding_id in output and day in output, output
    assert not out.exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [((), "本机没有场所 DM-0002 检查项 COM-99 的隐患记录"),
     (("--lang", "en"), "There is no hazard of check item COM-99 at venue DM-0002")],
)  # fmt: skip
def test_a_venue_and_item_with_no_hazard_is_said_as_such(
    world: World, tmp_path: Path, lang: tuple[str, ...], said: str
) -> None:
    close_store()
    code, output = _letter(tmp_path / "letter.pdf", "DM-0002 COM-99", lang=lang)
    assert code == 1 and said in output, output
