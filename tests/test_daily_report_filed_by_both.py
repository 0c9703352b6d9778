"""An inspector and a supervisor filed the same grid's daily report for the same day
offline (remarks "INSP日报" / "SUPV日报"); after sync the device held both, and F8 said only
已报（06:30 提交），重报以最新为准 with an empty remarks box: not who filed, neither
remark, nor that a second person had filed. The state now names who filed the report that
stands (someone else) with its remarks, and the other person's report it superseded with theirs, in both
languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_daily_report_screen import local, local_clock, open_report  # noqa: F401 (a fixture)
from textual.widgets import Label

from fieldapp.domain.ids import new_id
from fieldapp.services.common.identity import me
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.store.models import DailyReport, Person
from fieldapp.tui.app import make_app


@pytest.mark.parametrize(
    ("lang", "stands", "superseded"),
    [
        ("zh", "06:30 提交）", "{i} 06:10 也报了一份（备注：INSP日报），以上面这份为准"),
        ("en", "at 06:30", "{i} also filed one at 06:10 (remarks: INSP日报)"),
    ],
)
async def test_the_report_that_stands_names_its_filer_and_the_one_it_superseded(
    local_clock: list[dt.datetime],  # noqa: F811
    demo_home: Path,
    lang: str,
    stands: str,
    superseded: str,
) -> None:
    local_clock[0] = local(6, 10)
    daily_reports.file_report("T01-DM", remarks="INSP日报")  # this device, the inspector
    supervisor = Person.get(Person.role == "supervisor")
    filed = DailyReport.get(DailyReport.grid == "T01-DM")
    DailyReport.insert(  # the supervisor's, filed offline at 06:30, as a pull brings it
        id=new_id(), grid="T01-DM", date=filed.date, reporter=supervisor.id,
        counts=filed.counts, remarks="SUPV日报",
        submitted_at=local(6, 30).astimezone(dt.UTC).isoformat(),
    ).execute()  # fmt: skip
    local_clock[0] = local(10, 0)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_report(app, pilot)
        said = " ".join(str(screen.query_one("#report-state", Label).render()).split())
    names = {"s": supervisor.name, "i": Person.get_by_id(me().person_id).name}
    assert stands in said, said
    by = "提交人：{s}，备注：SUPV日报" if lang == "zh" else "Filed by {s}; remarks: SUPV日报"
    assert by.format(**names) in said, said
    assert superseded.format(**names) in said, said
