"""Follow-ups (随访) of a person: the form, the cadence, what makes a reading abnormal,
and the case an abnormal reading opens.

A plan follows one person with a form (a checklist; the health form: temperature and
symptoms) on a cadence — twice a day at 08:00 and 16:00 for 14 days (returnees,
controlled persons), daily, weekly, monthly — from a start date for a number of days.
`due_slots` lists the local times readings are due; a reading fails the form when an
item fails (a temperature above the item's max, 37.2 °C, or a symptom reported).

The case an abnormal reading opens has the hazard lifecycle's shape and is folded by the
one fold (`fieldapp.domain.findings.fold`): opened (reported) → handed_over (to the
health centre) → outcome_recorded → closed. Its receiving units and outcomes are this
record kind's rows (`CASE_UNITS`, `CASE_OUTCOMES`), not a second state machine.

Pure: no Peewee, Textual or httpx.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import unicodedata
from collections.abc import Mapping

from fieldapp.domain.answers import proposed_outcome
from fieldapp.domain.checklist import Checklist, Item, Section
from fieldapp.domain.findings import HAZARD, Lifecycle

CADENCE_TIMES: dict[str, tuple[str, ...]] = {
    "twice_daily": ("08:00", "16:00"),
    "daily": ("08:00",),
    "weekly": ("09:00",),
    "monthly": ("09:00",),
}
CADENCES: tuple[str, ...] = tuple(CADENCE_TIMES)
DEFAULT_DAYS: dict[str, int] = {"twice_daily": 14, "daily": 14, "weekly": 90, "monthly": 365}
# The cadences that are temperature checks (篇一: controlled persons, two a day); a weekly
# or monthly plan is a home visit (an elderly person living alone), where a temperature
# is taken only when there is cause, so it is not asked for.
TEMPERATURE_CHECKS: tuple[str, ...] = ("twice_daily", "daily")
# A slot can be recorded from this long before its time, not earlier: the 16:00 check
# taken at 08:26, right after the 08:00 one, is not a second check of the day.
OPEN_BEFORE = dt.timedelta(hours=2)
# A fever: a temperature above this fails the health form (37.3 °C and up).
FEVER_ABOVE = 37.2


def opens_at(slot: dt.datetime) -> dt.datetime:
    """The first moment a reading can be recorded for the slot (local, naive)."""
    return slot - OPEN_BEFORE


def optional_items(cadence: str) -> tuple[str, ...]:
    """The form's items a plan of this cadence need not answer: the temperature, on a visit."""
    return () if cadence in TEMPERATURE_CHECKS else ("FUP-01",)


CASE_UNITS: tuple[str, ...] = ("health_centre",)  # 卫生院 / 社区卫生服务中心
CASE_OUTCOMES: tuple[str, ...] = ("cleared", "isolated", "hospitalised", "other")

# The case's rows for the one fold: the hazard's transitions, its own units and outcomes.
CASE = Lifecycle(
    name="followup_case",
    opening="opened",
    initial=HAZARD.initial,
    transitions=HAZARD.transitions,
    hand_over_units=CASE_UNITS,
    outcomes=CASE_OUTCOMES,
    catalog=HAZARD.catalog,
)

HEALTH_FORM = Checklist(
    id="followup_health",
    version=1,
    kinds=("followup",),
    title_zh="健康随访（体温、症状）",
    title_en="Health follow-up (temperature, symptoms)",
    sections=(
        Section(
            code="FUP",
            zh="健康监测",
            en="Health monitoring",
            items=(
                Item(
                    "FUP-01",
                    "体温（℃）",
                    "Temperature (°C)",
                    "number",
                    severity="major",
                    min=34.0,
                    max=FEVER_ABOVE,
                ),  # fmt: skip
                Item(
                    "FUP-02",
                    "无发热、咳嗽、乏力等症状",
                    "No fever, cough, fatigue or other symptoms",
                    "yesno",
                    severity="major",
                ),  # fmt: skip
            ),
        ),
    ),
    basis="篇一：管控对象14天隔离、每日两次测温",
)
FORMS: dict[str, Checklist] = {HEALTH_FORM.id: HEALTH_FORM}


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_slots(
    start: dt.date,
    days: int,
    cadence: str,
    times: tuple[str, ...] = (),
    *,
    not_before: dt.datetime | None = None,
) -> list[dt.datetime]:
    """Every local date-time a reading is due, from `start` for `days` days (naive times).

    `not_before` is the plan's creation moment (local, naive): a slot before it was never
    due (a plan made at 22:22 begins with tomorrow's 08:00, not a missed one today)."""
    if cadence not in CADENCE_TIMES:
        raise ValueError(f"unknown cadence {cadence!r}; use one of {', '.join(CADENCES)}")
    clock = [dt.time.fromisoformat(t) for t in (times or CADENCE_TIMES[cadence])]
    end = start + dt.timedelta(days=days)
    dates: list[dt.date] = []
    if cadence in ("twice_daily", "daily"):
        dates = [start + dt.timedelta(days=n) for n in range(days)]
    elif cadence == "weekly":
        dates = [start + dt.timedelta(weeks=n) for n in range((days + 6) // 7)]
    else:
        n = 0
        while (day := _add_months(start, n)) < end:
            dates.append(day)
            n += 1
    every = [dt.datetime.combine(day, at) for day in dates if day < end for at in clock]
    return [at for at in every if not_before is None or at >= not_before]


def failed_items(form: Checklist, answers: Mapping[str, str]) -> list[str]:
    """The codes of the items a reading fails: a number outside its limits, a yes/no
    answered no (or "fail")."""
    failed = []
    for item in form.items:
        value = str(answers.get(item.code, "")).strip()
        if not value:
            continue
        if item.answer == "number":
            try:
                outcome = proposed_outcome(item, str(float(value)))
            except ValueError:
                continue
        elif item.answer == "yesno":
            outcome = "fail" if value.lower() in ("no", "fail", "n", "否") else "pass"
        else:
            outcome = "value"
        if outcome == "fail":
            failed.append(item.code)
    return failed


# What a reading can be at all, beyond the range that passes: a body temperature outside
# it is a slip of the keys (99 for 39, 45 for 35.4), refused rather than opened as a case
# (above 43 °C nobody is there to measure; a forehead reading in the cold can be near 30).
PLAUSIBLE: dict[str, tuple[float, float]] = {"FUP-01": (30.0, 43.0)}


def typed_answers(form: Checklist, answers: Mapping[str, str]) -> dict[str, str]:
    """The answers as kept: stripped, a number item's full-width digits and point (３８．５
    from a Chinese keyboard, as the ID and phone fields take them) as ASCII."""
    numbers = {item.code for item in form.items if item.answer == "number"}
    return {
        code: unicodedata.normalize("NFKC", str(value)).strip()
        if code in numbers
        else str(value).strip()
        for code, value in answers.items()
    }


def fever_denied(answers: Mapping[str, str]) -> bool:
    """The health form's answers (as `typed_answers` keeps them) say a fever and no fever
    at once: a temperature above FEVER_ABOVE with 无发热、咳嗽、乏力等症状 (FUP-02 yes).
    A temperature that is not one (热, 99 for 39) is `answers_problem`'s to refuse."""
    try:
        temperature = float(str(answers.get("FUP-01", "")).strip())
    except ValueError:
        return False
    no_symptoms = str(answers.get("FUP-02", "")).strip() in ("yes", "pass")
    return no_symptoms and FEVER_ABOVE < temperature <= PLAUSIBLE["FUP-01"][1]


def answers_problem(
    form: Checklist, answers: Mapping[str, str], optional: tuple[str, ...] = ()
) -> str | None:
    """Why the answers are not a reading of `form` (English, for logs and refusals); the
    items `optional` may be left blank."""
    for item in form.items:
        value = str(answers.get(item.code, "")).strip()
        if item.required and not value and item.code not in optional:
            return f"{item.code} is not answered"
        if value and item.answer == "number":
            try:
                number = float(value)
            except ValueError:
                return f"{item.code}: {value!r} is not a number"
            low, high = PLAUSIBLE.get(item.code, (-math.inf, math.inf))
            if not low <= number <= high:  # 99 for 39: a slip, not a reading
                return f"{item.code}: {value} is not between {low:g} and {high:g}"
        if value and item.answer == "yesno" and value not in ("yes", "no", "pass", "fail"):
            return f"{item.code}: answer yes or no"
    return None
