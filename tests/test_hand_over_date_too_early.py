"""A hand-over (移交) cannot be dated before the hazard was found, nor, for a general hazard
still being rectified, before its deadline passed (domain.md 3.1): F5 → h took 2026-10-01
for a hazard found on 2026-10-28, and the letter said so. The refusal names the earliest
date allowed, in both languages; that date itself is taken."""

from __future__ import annotations

import datetime as dt

import pytest
from rounds_support import SUPERVISOR, Clock, act_as, add_venue, china, inspect

from fieldapp.i18n import set_language
from fieldapp.services.review.bulk import bulk_apply
from fieldapp.store.models import Finding, FindingEvent

WORDS = {
    "zh": ("早于发现隐患的日期", "最早为 2026-06-01", "整改期限 2026-06-03 还没过", "最早为 2026-06-04"),
    "en": ("before the hazard was found", "2026-06-01 at the earliest",
           "the deadline 2026-06-03 had not passed", "2026-06-04 at the earliest"),
}  # fmt: skip


def _hand_over(finding_id: str, date: str):  # type: ignore[no-untyped-def]
    data = {"unit": "fire_brigade", "reference": "消移〔2026〕3号", "date": date}
    return bulk_apply([finding_id], "handed_over", data=data)[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_hand_over_dated_too_early_names_the_earliest_date(tree: Clock, lang: str) -> None:
    set_language(lang)
    inspect(
        tree, add_venue("S1", "small_shop", "A11"), china(2026, 6, 1, 7), fail=("COM-03", "SHP-02")
    )  # fmt: skip  (07:00 local: 23:00 UTC on 31 May)
    major, general = [f.id for f in Finding.select().order_by(Finding.item_code)]
    Finding.update(severity="general").where(Finding.id == general).execute()
    Finding.update(severity="major").where(Finding.id == major).execute()
    for opened in FindingEvent.select().where(FindingEvent.type == "opened"):
        severity = "major" if opened.finding_id == major else "general"
        opened.data = {**opened.data, "deadline": "2026-06-03", "severity": severity}
        opened.save()
    Finding.update(deadline=dt.date(2026, 6, 3), current_deadline=dt.date(2026, 6, 3)).execute()
    tree.set(china(2026, 6, 10, 10))
    act_as(SUPERVISOR)
    before_found, found, before_due, due = WORDS[lang]

    refused = _hand_over(major, "2026-05-31")
    assert not refused.applied
    assert before_found in refused.reason and found in refused.reason, refused.reason
    refused = _hand_over(general, "2026-06-03")
    assert not refused.applied
    assert before_due in refused.reason and due in refused.reason, refused.reason

    assert _hand_over(major, "2026-06-01").applied  # the day it was found
    assert _hand_over(general, "2026-06-04").applied  # the day after its deadline
    assert {f.state for f in Finding.select()} == {"handed_over"}
