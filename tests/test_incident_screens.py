"""Incidents in the real app on the demo workspace, driven by Pilot at 80x24.

An inspector reports a fireworks sale with one key (F4) from the home screen — with a
photo and a video file — and a refusal in the form loses nothing typed; an inspector
reports from a venue's inspection with the place filled in; the supervisor's incident
queue (F3) hands it over to 派出所 with the review's bulk dialog, prints the letter,
records the outcome and closes it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from incident_time_support import incident_at, incident_day
from pilot_support import a_stall_selling_fireworks, open_screen, settle
from textual.widgets import Input, Select, Static, Tab

from fieldapp.domain import incidents as lifecycle
from fieldapp.i18n import t
from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import reporting
from fieldapp.store.incident_models import Incident, IncidentEvent
from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.incidents import IncidentsScreen
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")
SMALL = (80, 24)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    from PIL import Image

    photo = tmp_path / "stall.png"
    Image.new("RGB", (32, 24), (200, 30, 30)).save(photo)
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(200_000))
    return photo, video


async def test_an_inspector_reports_a_fireworks_sale_with_one_key(
    demo_home: Path, tmp_path: Path
) -> None:
    photo, video = _files(tmp_path)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        a_stall_selling_fireworks(dialog)
        dialog.query_one("#incident-files", Input).value = f"{photo}; {tmp_path}/missing.mp4"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        # Refused in the form: what is missing is said, and what was typed is still there.
        message = str(dialog.query_one("#incident-error", Static).render())
        assert "描述" in message
        assert dialog.query_one("#incident-address", Input).value == "鼎美村村口"
        dialog.query_one("#incident-description", Input).value = "路口摆摊销售烟花爆竹"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert "missing.mp4" in str(dialog.query_one("#incident-error", Static).render())
        dialog.query_one("#incident-files", Input).value = f"{photo}; {tmp_path}"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        said = str(dialog.query_one("#incident-error", Static).render())
        assert said == f"{tmp_path} 是文件夹，不是文件：请填写照片或音视频文件的路径。"
        assert Incident.select().count() == 0
        dialog.query_one("#incident-files", Input).value = f"{photo}; {video}"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
    incident = Incident.get()
    assert (incident.category, incident.address, incident.state) == (
        "fireworks_sale",
        "鼎美村村口",
        lifecycle.REPORTED,
    )
    assert len(incident.photos) == 1 and incident.media[0]["name"] == "clip.mp4"
    assert Outbox.select().where(Outbox.type == "incident.event").count() == 1


async def test_from_an_inspection_the_place_is_the_venue(demo_home: Path) -> None:
    from fieldapp.services.inspection import inspections
    from fieldapp.store.models import Venue

    venue = Venue.select().order_by(Venue.code).first()
    inspection_id = inspections.start_inspection(
        venue.id, presence="manual", reason="other", note="门卫未开门"
    )
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot, rounds=2)
        if type(app.screen).__name__ == "ResumeDialog":
            await pilot.press("n")
            await settle(app, pilot, rounds=2)
        app.show_inspection(inspection_id)
        await settle(app, pilot, rounds=2)
        await pilot.press("f4")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, IncidentDialog)
        assert dialog.venue is not None and dialog.venue[0] == venue.id
        assert venue.code in str(dialog.query_one("#incident-venue").render())
        dialog.query_one("#incident-category", Select).value = "fire"
        dialog.query_one("#incident-description", Input).value = "后厨起火，已扑灭"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
    incident = Incident.get()
    assert (incident.venue_id, incident.grid_code) == (venue.id, venue.grid_code)


async def test_the_supervisor_hands_over_prints_and_closes_from_the_queue(
    demo_home: Path,
) -> None:
    incident = reporting.report_incident(
        reporting.IncidentReport(
            "fireworks_sale", incident_at(), "摆摊销售烟花爆竹", address="鼎美村村口"
        )
    )
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "f3", IncidentsScreen)
        table = screen.query_one(PagedTable)
        assert table.row_count == 1
        await pilot.press("n")  # a note with nothing written: said, nothing recorded
        await settle(app, pilot)
        await pilot.press("f10")
        await settle(app, pilot)
        assert isinstance(app.screen, BulkActionDialog)
        said = str(app.screen.query_one("#bulk-error", Static).render())
        assert said == "备注是空的：请写下要记的内容，或按 Esc 取消。"
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("h")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        dialog.choose("#bulk-unit", "police_station")
        dialog.query_one("#bulk-reference", Input).value = "鼎综治移〔2026〕7号"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert Incident.get_by_id(incident.id).state == lifecycle.HANDED_OVER
        await pilot.press("l")
        await settle(app, pilot, rounds=2)
        letters = list((demo_home / "documents").glob("incident-letter-*.pdf"))
        assert len(letters) == 1 and letters[0].read_bytes().startswith(b"%PDF")
        await pilot.press("o")
        await settle(app, pilot)
        outcome = app.screen
        assert isinstance(outcome, BulkActionDialog)
        outcome.choose("#bulk-outcome", "goods_seized")
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert table.row_count == 0  # the open queue is empty once it is closed
    kinds = [e.type for e in IncidentEvent.select().order_by(IncidentEvent.at)]
    assert kinds == ["reported", "handed_over", "outcome_recorded", "closed"]
    assert Incident.get_by_id(incident.id).state == lifecycle.CLOSED


async def test_an_incident_reported_from_the_queue_is_listed_there_at_once(
    demo_home: Path,
) -> None:
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "f3", IncidentsScreen)
        table = screen.query_one(PagedTable)
        assert table.row_count == 0
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        dialog.query_one("#incident-category", Select).value = "fireworks_sale"
        dialog.query_one("#incident-address", Input).value = "镇政府门口"
        dialog.query_one("#incident-description", Input).value = "有人销售烟花"
        # 1999-01-01 10:00 was taken: a year or more back is refused, F10 again too;
        # a month or more back is asked about once, F10 again reports it.
        when = dialog.query_one("#incident-time", Input)
        error = dialog.query_one("#incident-error", Static)
        when.value = "1999-01-01 10:00"
        for _ in range(2):
            await pilot.press("f10")
            await settle(app, pilot, rounds=3)
            assert app.screen is dialog and "是一年多以前" in str(error.render())
        when.value = (dt.datetime.now() - dt.timedelta(days=40)).strftime("%Y-%m-%d %H:%M")
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert app.screen is dialog and "是一个多月前" in str(error.render())
        assert app.focused is when and Incident.select().count() == 0
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert app.screen is screen and table.row_count == 1
        assert "镇政府门口" in " ".join(map(str, table.get_row_at(0)))
        assert str(screen.query_one("#queue-all", Tab).label) == "5·全部 1"


async def test_an_inspector_has_no_incident_queue_but_their_own_incidents(
    demo_home: Path,
) -> None:
    from fieldapp.tui.screens.my_incidents import MyIncidentsScreen

    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", MyIncidentsScreen)  # not the supervisor's queue
        await pilot.press("escape", "f5")  # a key hidden from an inspector: said, not nothing
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        said = [n.message for n in app._notifications]
        assert said[-1:] == [
            "隐患复查只对网格长和管理员开放；您负责的隐患在首页“我负责的隐患”中。",
        ]


def test_a_video_the_full_disk_cannot_take_is_said_in_the_language_chosen(
    demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk cannot be made here: the blob store's fsync answers as one would."""
    import errno

    from fieldapp.services.incidents import evidence

    _, video = _files(tmp_path)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(evidence.os, "fsync", full)
    with pytest.raises(evidence.EvidenceError) as refused:
        evidence.import_media(video)
    assert str(refused.value) == (
        f"clip.mp4 无法保存（{os.strerror(errno.ENOSPC)}）：请清理磁盘空间后重新添加。"
    )
    assert not [p for p in evidence.blob_path("0" * 64).parent.iterdir() if "incoming" in p.name]


def test_an_incident_time_left_out_or_not_come_yet_is_refused(demo_home: Path) -> None:
    import datetime as dt

    with pytest.raises(reporting.ReportRefused) as refused:
        reporting.parse_time("  ")
    assert str(refused.value) == "请填写发生时间，例如 2026-02-11 06:40。"  # no blank value said
    tomorrow = (dt.datetime.now() + dt.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    with pytest.raises(reporting.ReportRefused) as refused:
        reporting.parse_time(tomorrow)
    assert str(refused.value) == f"发生时间 {tomorrow} 还没到：请填写事件实际发生的时间。"
    soon = (dt.datetime.now() + dt.timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    assert reporting.parse_time(soon)  # another clock a little ahead: taken
    with pytest.raises(reporting.ReportRefused) as refused:  # was taken as 00:00
        reporting.parse_time("2026/12/07")
    assert str(refused.value) == "发生时间只有日期：请写上几点几分，例如 2026-12-07 06:40。"


async def test_esc_on_a_filled_incident_form_asks_before_throwing_it_away(
    demo_home: Path,
) -> None:
    from fieldapp.tui.dialogs.confirm import ConfirmDialog

    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        dialog.query_one("#incident-address", Input).value = "鼎美村村口"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep editing: the form as it was
        await settle(app, pilot)
        assert app.screen is dialog
        assert dialog.query_one("#incident-address", Input).value == "鼎美村村口"
        await pilot.press("escape", "y")  # discard
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert Incident.select().count() == 0


def test_an_incident_letter_is_chinese_while_the_screen_speaks_english(demo_home: Path) -> None:
    from fieldapp.i18n import set_language
    from fieldapp.services.incidents import events, letters

    incident = reporting.report_incident(
        reporting.IncidentReport("fire", incident_at(), "后厨起火", address="鼎美村村口")
    )
    demo.act_as("supervisor")
    data = {"unit": "fire_brigade", "reference": "鼎综治移〔2026〕9号", "date": incident_day()}
    events.append_event(incident.id, "handed_over", data=data)
    set_language("en")
    try:
        path = letters.write_letter([incident.id])
        letter = letters.incident_letter([incident.id])
    finally:
        set_language("zh")
    assert path.read_bytes().startswith(b"%PDF")
    lines = " ".join(letter.incidents[0].history)
    assert "移交" in lines and "Handed" not in lines, lines
    assert "照片" in letter.incidents[0].evidence and "photos" not in letter.incidents[0].evidence


async def test_the_english_incident_form_has_no_chinese_example(demo_home: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        hint = dialog.query_one("#incident-people", Input).placeholder
        assert hint == "e.g. Wang stall-owner; Li helper"
        assert reporting.parse_people(hint.removeprefix("e.g. ")) == [
            {"name": "Wang", "role": "stall-owner"},
            {"name": "Li", "role": "helper"},
        ]  # the example reads as the form says: name, role


async def test_an_empty_incident_field_shows_its_example_as_an_example_at_80x24(
    demo_home: Path,
) -> None:
    """The fields have no border at 80×24: an example in an empty field starts "例如" and is
    italic and dim, while a value filled in (the time) is neither; title and every field
    are still seen."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
        for label in ("上报事件", "类别", "地址", "发生时间", "事件经过", "涉及人员", "证据文件"):
            assert label in screen, screen
        for name in ("people", "files"):
            first = next(iter(dialog.query_one(f"#incident-{name}", Input).render_line(0)))
            assert first.text.startswith("例如 "), first.text
            assert first.style is not None and first.style.italic, (name, first.style)
            assert first.text in screen
        time = next(iter(dialog.query_one("#incident-time", Input).render_line(0)))
        assert time.text.startswith("20") and not (time.style and time.style.italic)


async def test_a_refusal_puts_the_cursor_in_the_incident_field_it_names(demo_home: Path) -> None:
    """No address and no venue: the label says the address is required then, the refusal
    says so and the cursor goes to the address (as the activity form's does); each field
    is marked as one at 80×24 by a bar at its left edge."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "地址（无场所时必填）" in screen, screen
        bars = [line for line in screen.splitlines() if "▊" in line]
        assert len(bars) >= 6, screen  # category, address, time, what, people, files
        dialog.query_one("#incident-category", Select).value = "fireworks_sale"
        description = dialog.query_one("#incident-description", Input)
        description.focus()
        await pilot.press(*"路口摆摊", "f10")
        await settle(app, pilot, rounds=2)
        said = str(dialog.query_one("#incident-error", Static).render())
        # with the grid not chosen, below it in the form: both at once
        assert said.splitlines() == [
            t("incident.refused.place_missing"),
            t("incident.refused.grid_choose"),
        ]
        assert app.focused is dialog.query_one("#incident-address", Input)
        await pilot.press(*"鼎美村村口", "f10")
        await settle(app, pilot, rounds=2)
        said = str(dialog.query_one("#incident-error", Static).render())
        assert said == t("incident.refused.grid_choose")  # next in the form's order
        grid = dialog.query_one("#incident-grid", Select)
        assert app.focused is grid
        grid.value = str(next(code for _, code in grid._options if code is not Select.NULL))
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
    assert Incident.get().address == "鼎美村村口"
