"""Scheduled activities (定期工作): the grid work that is neither a patrol nor an inspection.

The source plans schedule a fire-safety publicity day on the first Monday of each month,
the 11·9 publicity day, quarterly drills of the volunteer fire brigade, the quarterly joint
meeting and checks of public fire facilities with a written report. Each is an
`ActivityType` — data the office owns (`assets/activities.toml`, or the office setting
`activity_types`), not a constant — with a cadence, the grid levels that hold it and a
short form (place, attendees, minutes or report, photos) whose required fields it names.

A cadence gives, for any day, the period it falls in and that period's window
(`Cadence.window`): the day the activity is due (`due_on`, e.g. the first Monday) and the
last day it still counts as on time (`due_by`). One record held within the period does the
period's activity for its grid; a record after `due_by` is late; none by the period's end
is missed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.domain.wording import Problem

PERIODS = ("month", "quarter", "year")
FORM_FIELDS = ("place", "attendees", "minutes", "photos")
RECORD_KINDS = ("minutes", "report")  # what the text of the form is: 会议纪要 or 书面报告
LEVEL_CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")  # a grid level's code: shipped or published


class ActivityTypeInvalid(ValueError):
    """An activity type the office wrote that cannot be used: `problem` (a catalogue key
    and its values, `where` the path in the setting as written); str() words it in the
    current language (fieldapp/i18n/catalog_activity_problems.py)."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.problem = Problem(key, values)

    def __str__(self) -> str:
        return str(self.problem)


@dataclass(frozen=True)
class Window:
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date  # the day it is due (first Monday, 11-09, the period's first day)
    due_by: dt.date  # the last day it is still on time

    def status(self, day: dt.date) -> str:
        """upcoming | due | overdue for an activity not done yet in this period."""
        if day < self.due_on:
            return "upcoming"
        return "due" if day <= self.due_by else "overdue"

    def days_late(self, day: dt.date) -> int:
        """Days past the last on-time day on `day` (0 while on time): how overdue a duty
        still open is, or how late (迟报) one held on `day` was."""
        return max(0, (day - self.due_by).days)


@dataclass(frozen=True)
class Cadence:
    every: str  # month | quarter | year
    weekday: int | None = None  # 0 Monday … 6 Sunday: the nth such day of the first month
    nth: int = 1
    month: int | None = None  # for `year`: the month of the due day
    day: int | None = None  # the day of the month it is due
    within_days: int | None = None  # on time until due_on + within_days; None: period end

    def period(self, day: dt.date) -> tuple[dt.date, dt.date]:
        if self.every == "month":
            first = day.replace(day=1)
            months = 1
        elif self.every == "quarter":
            first = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
            months = 3
        else:
            first = dt.date(day.year, 1, 1)
            months = 12
        last_month = first.month + months - 1
        last = dt.date(first.year, last_month, calendar.monthrange(first.year, last_month)[1])
        return first, last

    def window(self, day: dt.date) -> Window:
        """The window of the period holding `day`."""
        start, end = self.period(day)
        month = self.month if (self.every == "year" and self.month) else start.month
        if self.weekday is not None:
            first = dt.date(start.year, month, 1)
            offset = (self.weekday - first.weekday()) % 7
            due_on = first + dt.timedelta(days=offset + 7 * (self.nth - 1))
        elif self.day is not None:
            last_day = calendar.monthrange(start.year, month)[1]
            due_on = dt.date(start.year, month, min(self.day, last_day))
        else:
            due_on = start
        due_by = end if self.within_days is None else due_on + dt.timedelta(self.within_days)
        return Window(start, end, due_on, min(max(due_by, due_on), end))

    def windows(self, first: dt.date, last: dt.date) -> list[Window]:
        """Every window whose period overlaps first..last, in order."""
        found: list[Window] = []
        day = first
        while day <= last:
            window = self.window(day)
            found.append(window)
            day = window.period_end + dt.timedelta(days=1)
        return found


@dataclass(frozen=True)
class ActivityType:
    code: str
    zh: str
    en: str
    cadence: Cadence
    levels: tuple[str, ...] = ("village",)
    required: tuple[str, ...] = ("place", "attendees")
    record: str = "minutes"  # minutes | report
    basis: str = ""
    basis_en: str = ""  # the basis as the English UI shows it (empty: the basis itself)

    def name(self, language: str) -> str:
        return self.en if language == "en" else self.zh

    def basis_for(self, language: str) -> str:
        """The basis in `language`: its English line in English when given, else the basis."""
        return self.basis_en if language == "en" and self.basis_en else self.basis


def _int(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ActivityTypeInvalid("act.not_whole", where=where, low=low, high=high, got=repr(value))
    return value


def cadence_from(data: Mapping[str, Any], where: str) -> Cadence:
    every = data.get("every")
    if every not in PERIODS:
        raise ActivityTypeInvalid("act.one_of", where=f"{where}.every", allowed=PERIODS)
    known = {"every", "weekday", "nth", "month", "day", "within_days"}
    for key in data:
        if key not in known:
            raise ActivityTypeInvalid("act.unknown_key", where=where, name=repr(key))
    weekday = data.get("weekday")
    day = data.get("day")
    if weekday is not None and day is not None:
        raise ActivityTypeInvalid("act.weekday_or_day", where=where)
    within = data.get("within_days")
    return Cadence(
        every=str(every),
        weekday=None if weekday is None else _int(weekday, f"{where}.weekday", 0, 6),
        nth=_int(data.get("nth", 1), f"{where}.nth", 1, 5),
        month=None if data.get("month") is None else _int(data["month"], f"{where}.month", 1, 12),
        day=None if day is None else _int(day, f"{where}.day", 1, 31),
        within_days=None if within is None else _int(within, f"{where}.within_days", 0, 366),
    )


def _texts(value: Any, where: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(v in allowed for v in value):
        raise ActivityTypeInvalid("act.list_of", where=where, allowed=allowed)
    return tuple(str(v) for v in value)


def _levels(value: Any, where: str) -> tuple[str, ...]:
    """Grid level codes: the shipped ones or any the office published (楼栋 under 网格);
    the server checks them against the levels it holds."""
    if not isinstance(value, list | tuple) or not all(
        isinstance(v, str) and LEVEL_CODE.match(v) for v in value
    ):
        raise ActivityTypeInvalid("act.levels", where=where)
    return tuple(value)


def activity_type_from(data: Mapping[str, Any], where: str = "type") -> ActivityType:
    """One type from its dict (a TOML table or the office setting), checked."""
    known = {"code", "zh", "en", "cadence", "levels", "required", "record", "basis", "basis_en"}
    for key in data:
        if key not in known:
            raise ActivityTypeInvalid("act.unknown_key", where=where, name=repr(key))
    for key in ("code", "zh", "en"):
        if not isinstance(data.get(key), str) or not str(data.get(key)).strip():
            raise ActivityTypeInvalid("act.text", where=f"{where}.{key}")
    code = str(data["code"])
    if not code.replace("_", "").isalnum() or not code.isascii() or code.lower() != code:
        raise ActivityTypeInvalid("act.code", where=f"{where}.code")
    cadence = data.get("cadence")
    if not isinstance(cadence, Mapping):
        raise ActivityTypeInvalid("act.table", where=f"{where}.cadence")
    record = data.get("record", "minutes")
    if record not in RECORD_KINDS:
        raise ActivityTypeInvalid("act.one_of", where=f"{where}.record", allowed=RECORD_KINDS)
    return ActivityType(
        code=code,
        zh=str(data["zh"]).strip(),
        en=str(data["en"]).strip(),
        cadence=cadence_from(cadence, f"{where}.cadence"),
        levels=_levels(data.get("levels", ["village"]), f"{where}.levels"),
        required=_texts(
            data.get("required", ["place", "attendees"]), f"{where}.required", FORM_FIELDS
        ),  # fmt: skip
        record=str(record),
        basis=str(data.get("basis", "")),
        basis_en=str(data.get("basis_en", "")).strip(),
    )


def activity_types_from(items: Iterable[Mapping[str, Any]]) -> list[ActivityType]:
    found: list[ActivityType] = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, Mapping):
            raise ActivityTypeInvalid("act.table", where=f"types[{n}]")
        kind = activity_type_from(item, f"types[{n}]")
        if any(k.code == kind.code for k in found):
            raise ActivityTypeInvalid("act.twice", where=f"types[{n}].code", code=repr(kind.code))
        found.append(kind)
    return found


def form_problems(kind: ActivityType, values: Mapping[str, Any]) -> list[str]:
    """The required fields left empty, in the form's order (FORM_FIELDS, not the order
    the type names them in): all of them, so the form says them at once."""
    missing = []
    for name in (name for name in FORM_FIELDS if name in kind.required):
        value = values.get(name)
        if name == "attendees":
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                missing.append(name)
        elif not value:
            missing.append(name)
    return missing


def form_problem(kind: ActivityType, values: Mapping[str, Any]) -> str | None:
    """The first required field left empty, in the form's order, or None."""
    return next(iter(form_problems(kind, values)), None)
