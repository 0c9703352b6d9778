"""The supervisor reads one incident in full from the incident queue (Enter), on the demo
workspace: what happened, the people involved (an ID number or phone typed into them
masked, as every screen masks them), the evidence and the history; Esc goes back to the
queue with the same incident highlighted. At 80x24 a long description is shown whole.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from incident_time_support import DAYS_AGO, incident_at, incident_day
from pilot_support import open_screen, screen_lines, settle
from rich._wrap import divide_line
from textual.widgets import Static

from fieldapp.domain.personal import mask_numbers_in_text
from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import events, reporting
from fieldapp.tui.app import make_app
from fieldapp.tui.kinsoku import CLOSING, OPENING
from fieldapp.tui.screens.incident_record import IncidentRecordScreen, record_renderable
from fieldapp.tui.screens.incidents import IncidentsScreen
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")
SMALL = (80, 24)
LONG_PLACE = "鼎美村村口东侧三十米处的小卖部门前空地旁边"
BLOCKED = "消防通道堵塞：店门口堆放烟花爆竹纸箱约二十箱，占用整条消防通道，经劝阻仍未清理。"
LONG = (
    "接群众电话反映，鼎美村村口小卖部门前消防通道被货车和纸箱长期堵塞，"
    "店内堆放烟花爆竹约三十箱，未见任何经营许可证照；现场要求店主立即清理通道、"
    "停止销售并将货物转移至有资质的仓库，店主表示需等家人回来商量，态度消极。"
    "现场已拍照取证，并告知其拒不整改将移交派出所和消防大队依法处理。"
)


def report(description: str, people: str = "", when: str = "", place: str = "鼎美村村口") -> str:
    report = reporting.IncidentReport(
        "fireworks_sale",
        when or incident_at(),
        description,
        address=place,
        people=reporting.parse_people(people),
    )
    return reporting.report_incident(report).id


async def test_the_supervisor_reads_an_incident_and_esc_returns_to_the_queue(
    demo_home: Path,
) -> None:
    blocked = report(
        BLOCKED, "张三 店主 13812345678", when=incident_at("09:15", days_ago=DAYS_AGO + 1)
    )
    report("有人燃放烟花", when=incident_at())  # newer: listed first
    demo.act_as("supervisor")
    data = {"unit": "fire_brigade", "reference": "鼎综治移〔2026〕9号", "date": incident_day()}
    events.append_event(blocked, "handed_over", data=data)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        queue = await open_screen(app, pilot, "f3", IncidentsScreen)
        table = queue.query_one(PagedTable)
        await pilot.press("down")
        assert table.selected_key == blocked
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, IncidentRecordScreen)
        shown = "\n".join(screen_lines(app))
        assert "鼎美村村口" in shown and "消防通道堵塞" in shown
        assert "张三" in shown and "店主 138****5678" in shown
        assert "13812345678" not in shown  # a phone typed with the name stays masked
        assert f"消防大队 · 文号 鼎综治移〔2026〕9号 · {incident_day()}" in shown
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is queue
        assert table.selected_key == blocked  # the same incident highlighted


async def test_at_80x24_the_incident_shows_a_long_description_whole(demo_home: Path) -> None:
    """The queue cuts a long place with "…" and says it whole below the table: wider than
    the screen, the table's scrollbar showed as a lone ▊ under its row."""
    report(LONG, "李四 帮工", place=LONG_PLACE)
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", IncidentsScreen)
        lines = screen_lines(app)
        assert lines[4].rstrip().endswith("鼎美村村口东侧三十米处…"), "\n".join(lines)
        assert not set("▏▎▍▌▋▊▉") & set("".join(lines[:-1])), "\n".join(lines)  # no scrollbar
        assert any(line.strip().startswith(LONG_PLACE) for line in lines)  # whole below
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, IncidentRecordScreen)
        lines = screen_lines(app)
        assert all(len(line) <= SMALL[0] for line in lines)
        assert LONG in "".join(line.strip() for line in lines), "\n".join(lines)
        assert any(line.strip().startswith("李四") for line in lines)


async def test_the_english_incident_view_is_english_apart_from_its_data(
    demo_home: Path,
) -> None:
    report(BLOCKED, "张三 店主")
    demo.act_as("supervisor")
    app = make_app(lang="en")
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", IncidentsScreen)
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        lines = screen_lines(app)
        text = "\n".join(lines)
        for label in ("Category", "What happened", "People involved (1)", "History (1)"):
            assert label in text, text
        assert BLOCKED in "".join(line.strip() for line in lines)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentsScreen)


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "照片 0 · 音视频 0"), ("en", "Photos 0 · A/V 0")]
)
async def test_the_queue_says_the_evidence_with_spaces(
    demo_home: Path, lang: str, said: str
) -> None:
    report(BLOCKED)
    demo.act_as("supervisor")
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", IncidentsScreen)
        assert said in "\n".join(screen_lines(app))


def test_numbers_typed_into_free_text_are_masked_as_the_registry_masks_them() -> None:
    assert mask_numbers_in_text("王五 13812345678") == "王五 138****5678"
    assert mask_numbers_in_text("身份证45010219900101123x。") == "身份证4501**********123X。"
    assert mask_numbers_in_text("门牌 12 号，2026-02-11") == "门牌 12 号，2026-02-11"


async def test_the_description_starts_no_line_with_a_comma(demo_home: Path) -> None:
    """The record is a rich renderable, wrapped by rich rather than Textual: its Chinese
    kept the rule of line breaking only once rich's wrapping was hooked too."""
    report(BLOCKED)
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", IncidentsScreen)
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, IncidentRecordScreen) and screen.record is not None
        text = screen.query_one("#incident-record-text", Static)
        width = text.content_region.width
        description = "堵" * (width // 2) + "，店门口堆放纸箱（约二十箱），经劝阻仍未清理。" * 3
        assert description[divide_line(description, width)[0]] == "，"  # rich's own cut
        text.update(record_renderable(dataclasses.replace(screen.record, description=description)))
        await settle(app, pilot)
        lines = [line.strip() for line in screen_lines(app)]
        start = next(n for n, line in enumerate(lines) if line.startswith("堵"))
        shown = lines[start : start + 4]
        assert "".join(shown).startswith(description), "\n".join(lines)
        assert not [line for line in shown[1:] if line[:1] in CLOSING], "\n".join(lines)
        assert not [line for line in shown if line[-1:] in OPENING], "\n".join(lines)
