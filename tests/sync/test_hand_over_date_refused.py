"""The server refuses a hand-over (移交) dated before the hazard was found, or, for a general
hazard still being rectified, before its deadline passed, as the device does: a letter read
移交日期 2026年10月1日 under 2026-10-28 发现隐患. Coded hand_over_too_early with the date and
the earliest allowed, which the device words in its person's language."""

from __future__ import annotations

import json

from sync_world import event, finding_event, inspection_submit, reported_hazard

from fieldapp.i18n import set_language
from fieldapp.services.common.refusal_reasons import reason_in_words


def _hand_over(date: str, base: str) -> dict[str, object]:
    data = {"unit": "fire_brigade", "reference": "消移〔2026〕3号", "date": date}
    return event("handed_over", "p-sup", base=base, role="supervisor", data=data)


def _outcome(device, op_id: int) -> tuple[str, str, dict[str, str]]:  # type: ignore[no-untyped-def]
    row = device.outbox()[op_id]
    return row.state, row.refusal_code or "", json.loads(row.refusal_params or "{}")


def test_a_hand_over_before_the_hazard_was_found_is_refused(make_device, seed):  # type: ignore[no-untyped-def]
    # Found on 10 June and reported fixed: handed over from the 10th on.
    _, finding_id, opened_id, _ = reported_hazard(make_device, seed.venues["DM-0001"])
    boss = make_device("boss").enroll("p-sup")
    early = boss.enqueue(
        "finding.event", finding_event(finding_id, _hand_over("2026-06-09", opened_id))
    )
    with boss.client() as client:
        client.sync_once()
    assert _outcome(boss, early) == (
        "rejected", "hand_over_too_early", {"date": "2026-06-09", "earliest": "2026-06-10"},
    )  # fmt: skip
    for lang, words in (
        ("zh", "最早可填的日期 2026-06-10"),
        ("en", "2026-06-10, the earliest allowed"),
    ):
        set_language(lang)
        said = reason_in_words(
            "hand_over_too_early", {"date": "2026-06-09", "earliest": "2026-06-10"}, ""
        )
        assert "2026-06-09" in said and words in said, said
    set_language("zh")
    on_the_day = boss.enqueue(
        "finding.event", finding_event(finding_id, _hand_over("2026-06-10", opened_id))
    )
    with boss.client() as client:
        client.sync_once()
    assert _outcome(boss, on_the_day)[0] == "acked"


def test_a_general_hazard_open_is_handed_over_after_its_deadline(make_device, seed):  # type: ignore[no-untyped-def]
    inspector = make_device("insp").enroll("p-insp")
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp")  # deadline 20 June
    inspector.enqueue("inspection.submit", submit)
    with inspector.client() as client:
        assert client.sync_once().ok
    finding = submit["findings"][0]
    opened_id = finding["events"][0]["id"]
    boss = make_device("boss").enroll("p-sup")
    ops = [
        boss.enqueue("finding.event", finding_event(finding["id"], _hand_over(day, opened_id)))
        for day in ("2026-06-20", "2026-06-21")
    ]
    with boss.client() as client:
        client.sync_once()
    assert _outcome(boss, ops[0]) == (
        "rejected", "hand_over_too_early", {"date": "2026-06-20", "earliest": "2026-06-21"},
    )  # fmt: skip
    assert _outcome(boss, ops[1])[0] == "acked"
