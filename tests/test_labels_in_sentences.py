"""A state or status label put into an English sentence does not keep its capital: the F5
detail read "deadline 2026-06-01 Overdue", and "Your role may not Assign". Said alone (a
tab, a table cell, a tile) a label keeps it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from fieldapp import i18n
from fieldapp.store.models import Finding
from fieldapp.tui.views.review import build_detail_view
from fieldapp.tui.widgets.finding_detail import render_detail


def test_the_hazard_detail_says_overdue_after_its_deadline_in_lowercase(
    demo_supervisor: Path,
) -> None:
    finding = Finding.select().first()
    i18n.set_language("en")
    try:
        view = build_detail_view(finding.id)
        view = dataclasses.replace(view, deadline=dt.date(2026, 6, 1), overdue=True)
        shown = render_detail(view).plain
        assert "Deadline 2026-06-01 overdue" in shown, shown
        assert i18n.t("review.queue.overdue") == "Overdue"  # the F5 tab, said alone
    finally:
        i18n.set_language("zh")


# A label ({state}, {status}, {event}) right after a word of an English sentence, or in
# its brackets, is quoted as the other messages quote a label ("The hazard is '{state}'"),
# as the Chinese puts it in “”. The unknown-event messages name a code, not a label.
BARE_LABEL = re.compile(r"(?<=[a-z,] )\{(state|status|event)\}|\(\{(state|status|event)\}\)")
CODES = {
    "incident.refused.unknown_event",
    "review.refused.unknown_event",
    "refusal.case_event_data",
}


def test_no_english_sentence_puts_a_state_label_in_bare() -> None:
    en = i18n._load()["en"]
    bare = {k: v for k, v in en.items() if k not in CODES and BARE_LABEL.search(v)}
    assert bare == {}


def test_the_label_check_sees_a_bare_label_and_leaves_a_quoted_one() -> None:
    assert BARE_LABEL.search("Your role may not {event}: only a grid head")
    assert BARE_LABEL.search("already recorded as reported fixed ({state}); no need")
    assert not BARE_LABEL.search("The hazard is '{state}'; '{event}' is not possible now.")
    assert not BARE_LABEL.search("{state}, due at {deadline}")
