"""A toast at 80 columns (36 cells) keeps together what a reader takes as one unit
(fieldapp.tui.phrases): the monthly report's toast left "/tmp/" at a line's end after "、"
and broke the path; the export's "…、0" / "条随访记录" split a number from its counter
word; "本机 18:03" and "户号 T01-DM-2-99" sat alone on a line, the rest of their phrase
on the next. Checked with the real messages, in both languages."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from rich.cells import cell_len

from fieldapp.i18n import counts, listed, set_language, t
from fieldapp.tui.phrases import phrase_offsets

WIDTH = 36  # a toast's text at 80 columns
HOME = "/tmp/fieldapp-w"  # a demo's home
SHEETS = [("inspections", 1), ("findings", 0), ("events", 3), ("people", 157),
          ("followups", 0), ("patrols", 2), ("incidents", 0), ("activities", 5)]  # fmt: skip


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param


def files() -> list[str]:
    """The monthly report's two files, named as the language names them."""
    name = f"{HOME}/exports/{t('monthly.file')}-T01-2026-12"
    return [f"{name}.xlsx", f"{name}.pdf"]


def lines_of(text: str, width: int = WIDTH) -> list[str]:
    cuts = [0, *phrase_offsets(text, width), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def wide(char: str) -> bool:
    return cell_len(char) > 1


def other_grid() -> str:
    named = {"named_name": "东门社区", "named": "T01-DM", "grid_name": "西门网格", "grid": "T01-XM"}
    return t("people.number_of_other_grid", code="T01-DM-2-99", **named)


def messages() -> list[str]:
    export = counts(*[(f"export.count.{name}", rows) for name, rows in SHEETS])
    return [
        t("monthly.written", files=listed(files())),
        t("export.done", counts=export, path="/tmp/x/exports/台账-2026-12-06.xlsx"),
        t("placard.check.unknown_key_synced", at="18:03", key_id="K-2026-01"),
        other_grid(),
    ]


def test_a_path_that_does_not_fit_the_rest_of_a_line_starts_the_next(lang: str) -> None:
    message = t("monthly.written", files=listed(files()))
    lines = [line.rstrip() for line in lines_of(message)]
    assert sum(line.startswith(f"{HOME}/") for line in lines) == 2, lines
    assert not any(re.search(r"[、,]\s*/", line) for line in lines), lines  # "、/tmp/" ends


def test_no_break_parts_a_number_from_its_word_or_a_label_from_its_value(lang: str) -> None:
    for message in messages():
        lines = lines_of(message)
        assert "".join(lines) == message
        for line, following in zip(lines, lines[1:], strict=False):
            assert cell_len(line.rstrip()) <= WIDTH, lines
            end, start = line.rstrip()[-1], following[0]
            if lang == "zh":
                assert not (end.isdigit() and wide(start)), lines  # "…、0" / "条随访记录"
                spaced = line != line.rstrip() and start != "/"  # a path starts a line
                assert not (spaced and (wide(end) or wide(start))), lines  # "本机 18:03"
            else:  # English breaks at spaces only, words whole
                assert line.endswith(" ") or "/" in line, lines


def test_the_label_goes_on_with_the_phrase_it_begins() -> None:
    set_language("zh")
    synced = t("placard.check.unknown_key_synced", at="18:03", key_id="K-2026-01")
    assert lines_of(synced)[0].startswith("本机 18:03 已同步，")
    assert lines_of(other_grid())[0].startswith("户号 T01-DM-2-99 带的是")


@pytest.mark.usefixtures("chinese")
def test_a_venue_s_name_and_an_aside_are_never_broken() -> None:
    """Toasts read "…宏达母婴店(示" / "例) 的巡查" and "…叶宅出租房(示例" / ") · COM-02"."""
    venue = "老渡口农贸市场·宏达母婴店(示例)"
    submitted = lines_of(t("summary.submitted", venue=venue, count=2))
    assert [line for line in submitted if venue in line], submitted
    for width in range(24, WIDTH + 1):
        lines = lines_of("已记下整改：芸美村·叶宅出租房(示例) · COM-02", width)
        assert not [line for line in lines if line.startswith(")")], lines
        assert [line for line in lines if "(示例)" in line], lines
