"""Lists and dates typed into forms are read one way everywhere: `;`, the full-width `；`
(and `、` between people) separate entries; 2026/12/20, 2026.12.20 and 2026-12-20 are the
same day, held as ISO. Unit tests of the one helper, and the incident and finding forms
in the real app at 80×24."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from inspect_support import inspecting
from pilot_support import choose_a_grid, open_screen, settle
from textual.widgets import Input, Select, Static

from fieldapp.domain.clock import today
from fieldapp.domain.typed import iso_date_first, typed_date, typed_entries, typed_names
from fieldapp.services.incidents.reporting import parse_people
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen

SMALL = (80, 24)
pytestmark = pytest.mark.usefixtures("chinese")


def test_both_semicolons_and_lines_separate_entries_and_spaces_stay() -> None:
    assert typed_entries("/tmp/p1.jpg；/tmp/现场 照片.png; /tmp/c.mp4\n/tmp/d.m4a;") == [
        "/tmp/p1.jpg",
        "/tmp/现场 照片.png",
        "/tmp/c.mp4",
        "/tmp/d.m4a",
    ]
    assert typed_entries("/tmp/张三、李四.jpg") == ["/tmp/张三、李四.jpg"]  # a file's name
    assert typed_names("王某 摊主、李某 帮工；赵某") == ["王某 摊主", "李某 帮工", "赵某"]
    assert [p["name"] for p in parse_people("王某 摊主、李某 帮工；赵某")] == [
        "王某",
        "李某",
        "赵某",
    ]


@pytest.mark.parametrize("text", ["2026-12-20", "2026/12/20", "2026.12.20", " 2026/12/20 "])
def test_a_date_in_each_way_it_is_written(text: str) -> None:
    assert typed_date(text) == dt.date(2026, 12, 20)


@pytest.mark.parametrize("text", ["2026/13/45", "2026-12/20", "20/12/2026", "明天", ""])
def test_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        typed_date(text)


def test_a_time_typed_with_a_slashed_date() -> None:
    assert iso_date_first("2026/02/11 06:40") == "2026-02-11 06:40"
    assert iso_date_first("2026-02-11T06:40") == "2026-02-11T06:40"


async def test_evidence_separated_by_a_full_width_semicolon(
    demo_home: Path, tmp_path: Path
) -> None:
    from PIL import Image

    first, second = tmp_path / "p1.jpg", tmp_path / "现场 照片.png"
    Image.new("RGB", (32, 24), (200, 30, 30)).save(first)
    Image.new("RGB", (32, 24), (30, 200, 30)).save(second)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        dialog.query_one("#incident-category", Select).value = "fireworks_sale"
        dialog.query_one("#incident-address", Input).value = "鼎美村村口"
        dialog.query_one("#incident-description", Input).value = "路口摆摊销售烟花爆竹"
        dialog.query_one("#incident-people", Input).value = "王某 摊主、李某 帮工"
        dialog.query_one("#incident-files", Input).value = f"{first}；{second}"
        choose_a_grid(dialog)
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen), str(
            dialog.query_one("#incident-error", Static).render()
        )
    incident = Incident.get()
    assert len(incident.photos) == 2
    assert [p["name"] for p in incident.people] == ["王某", "李某"]


async def test_a_deadline_written_with_slashes(home: Path) -> None:
    deadline = today() + dt.timedelta(days=30)
    async with inspecting("zh", SMALL) as (app, pilot, screen):
        await pilot.press("0", "enter")  # COM-01 failed: the finding form
        dialog = app.screen
        assert isinstance(dialog, FindingDialog)
        field = dialog.query_one("#finding-deadline", Input)
        field.focus()
        field.value = deadline.strftime("%Y/%m/%d")
        await pilot.press("f10")
        assert app.screen is screen and isinstance(screen, InspectScreen), str(
            dialog.query_one("#finding-message", Static).render()
        )
        finding = Finding.get(inspection=screen.inspection_id, item_code="COM-01")
    assert finding.deadline == deadline
