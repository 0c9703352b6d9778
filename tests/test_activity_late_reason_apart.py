"""An activity recorded late keeps its reason apart from its minutes: the record's view
read 会议纪要：迟报原因：忘了报 / 张三 and the ledger's 纪要/报告 column the same, as though
the meeting had minuted why it was reported late. The view has a 迟报原因 line and the
ledger a 迟报原因 column; the minutes are the minutes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rounds_support import INSPECTOR_V2, Clock, act_as, china
from test_activities import photo

from fieldapp.i18n import set_language
from fieldapp.reports.ledger import Labels
from fieldapp.services.activities import records
from fieldapp.services.activities.detail import activity_detail
from fieldapp.services.export.work_sheets import write_activity_sheet
from fieldapp.tui.screens.activity_record import HeldActivity, record_text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_late_reason_is_a_line_and_a_column_of_its_own(
    tree: Clock, tmp_path: Path, lang: str
) -> None:
    act_as(INSPECTOR_V2)
    tree.set(china(2026, 12, 5, 9))
    set_language(lang)  # recorded in either language, the reason is found apart
    try:
        late = records.ActivityForm(
            "fire_day_119", "V2", held_on="2026-12-05", place="西村", attendees="20",
            photo_files=[photo(tmp_path)], late_reason="忘了报", minutes="张三",
        )  # fmt: skip
        row = records.record_activity(late)
    finally:
        set_language("zh")
    detail = activity_detail(row.id)
    assert detail is not None and (detail.late_reason, detail.minutes) == ("忘了报", "张三")
    lines = record_text(HeldActivity("11·9", "西村", "2026-12-05", "minutes", detail))
    assert "迟报原因：忘了报" in lines.splitlines() and "会议纪要：张三" in lines.splitlines()

    sheets: list[list[object]] = []
    write_activity_sheet(lambda *_: None, sheets.append, Labels("zh"), ["V2"], (None, None), {})
    headers = [Labels("zh")(f"ledger.col.{key}") for key in ("minutes", "late_reason")]
    assert headers == ["纪要/报告", "迟报原因"]
    (written,) = sheets
    assert "张三" in written and "忘了报" in written
    assert written.index("忘了报") == written.index("张三") + 1  # the column after 纪要/报告
