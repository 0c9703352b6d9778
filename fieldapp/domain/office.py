"""Venue kinds, grid levels and office settings as data the office publishes.

The kinds and levels in `fieldapp.domain.kinds` ship with the program and are always
known; an office adds more (足浴店, a fourth grid level 楼栋) as rows it imports on the
server, and devices pull them with their next sync. Settings the office publishes
(cadences, report deadlines, thresholds) replace a device's own values of the same keys;
a device's own settings choose only its language and keymap.

Pure: the rows' shapes and the checks of their values, shared by the server (import) and
the device (what it pulled).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from fieldapp.domain.text_bounds import KIND_SHORT_CELLS, OFFICE_CODE_MAX, narrowed

# The checks of office data (activity types, assessment weights, venue attributes and the
# checklist expressions behind them) are imported where a value is checked: the device
# reads its kinds' names from here at every start-up, and checks nothing then.

CODE_RE = re.compile(rf"^[a-z][a-z0-9_]{{0,{OFFICE_CODE_MAX - 1}}}$")
PREFIX_RE = re.compile(r"^[A-Z]{2,5}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

# The settings the office publishes; any other key stays the device's own.
OFFICE_SETTINGS: tuple[str, ...] = (
    "cadence_days",  # {kind: days}
    "report_deadlines",  # {grid level or grid code: "HH:MM"}
    "report_reminder_minutes",  # minutes before the deadline a reminder starts
    "checklist_params",  # {param: number}: thresholds of fail_if conditions
    "activity_types",  # [{code, zh, en, cadence, levels, required, record}]: scheduled activities
    "assessment_weights",  # {part: weight}: the monthly assessment (考核)
)
# What a setting written as a JSON object looks like, for the refusal of any other value.
TABLE_EXAMPLES = {
    "cadence_days": '{"hotel": 14}',
    "report_deadlines": '{"village": "17:00"}',
    "checklist_params": '{"min_extinguishers": 2}',
}


@dataclass(frozen=True)
class VenueKind:
    """A kind of venue: its names, placard prefix, cadence and placard precautions (one
    line each), the venue attributes its venues record (`rooms`, `beds`…), and the short
    names a list's narrow column says, if the office gave them (else the names, cut)."""

    code: str
    zh: str
    en: str
    prefix: str = ""
    cadence_days: int = 30
    precautions_zh: str = ""
    precautions_en: str = ""
    attributes: tuple[str, ...] = ()
    short_zh: str = ""
    short_en: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "attributes": list(self.attributes)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> VenueKind:
        return cls(
            code=str(data["code"]),
            zh=str(data["zh"]),
            en=str(data.get("en") or data["zh"]),
            prefix=str(data.get("prefix") or ""),
            cadence_days=int(data.get("cadence_days") or 30),
            precautions_zh=str(data.get("precautions_zh") or ""),
            precautions_en=str(data.get("precautions_en") or ""),
            attributes=tuple(str(a) for a in data.get("attributes") or ()),
            short_zh=str(data.get("short_zh") or ""),
            short_en=str(data.get("short_en") or ""),
        )


@dataclass(frozen=True)
class GridLevel:
    """A level of the grid hierarchy (镇 → 村 → 网格 → 楼栋): depth 1 is the top."""

    code: str
    zh: str
    en: str
    depth: int
    report_deadline: str = ""  # "HH:MM": the day's report is due by then at this level

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GridLevel:
        return cls(
            code=str(data["code"]),
            zh=str(data["zh"]),
            en=str(data.get("en") or data["zh"]),
            depth=int(data.get("depth") or 1),
            report_deadline=str(data.get("report_deadline") or ""),
        )


def catalogue_texts(
    kinds: list[VenueKind], levels: list[GridLevel]
) -> tuple[dict[str, str], dict[str, str]]:
    """(zh, en) catalogue entries that name published kinds and levels everywhere the
    program names a kind: lists (`kind.*`), the ledger, the placard and its precautions;
    a list's narrow column (`kind_short.*`) its short name, else its name, cut to fit."""
    zh: dict[str, str] = {}
    en: dict[str, str] = {}
    for kind in kinds:
        for prefix in ("kind", "ledger.kind", "placard.kind"):
            zh[f"{prefix}.{kind.code}"] = kind.zh
            en[f"{prefix}.{kind.code}"] = kind.en
        short_zh = kind.short_zh or kind.zh
        zh[f"kind_short.{kind.code}"] = narrowed(short_zh, KIND_SHORT_CELLS)
        en[f"kind_short.{kind.code}"] = narrowed(kind.short_en or kind.en, KIND_SHORT_CELLS)
        if kind.precautions_zh:
            zh[f"placard.tips.{kind.code}"] = kind.precautions_zh
        if kind.precautions_en or kind.precautions_zh:
            en[f"placard.tips.{kind.code}"] = kind.precautions_en or kind.precautions_zh
    for level in levels:
        zh[f"grid_level.{level.code}"] = level.zh
        en[f"grid_level.{level.code}"] = level.en
    return zh, en


def precaution_lines(text: str) -> str:
    """Precautions as written in a sheet cell (one per line, or separated by | or ；)."""
    parts = re.split(r"[\n|；]+", text)
    return "\n".join(p.strip() for p in parts if p.strip())


class NotWhole(ValueError):
    """A count (rooms, floors…) given as a number that is not whole, such as 12.5."""


def attribute_value(name: str, text: str) -> bool | float | None:
    """A venue attribute from a sheet cell: yes/no for a flag, a number for a count.
    None for an empty cell (not recorded); ValueError saying what is wrong otherwise
    (NotWhole for a count that is a number but not a whole one; 12.0 is 12)."""
    from fieldapp.domain.expr_types import BOOL, COUNT_ATTRIBUTES, VENUE_ATTRIBUTES

    text = text.strip()
    if not text:
        return None
    if VENUE_ATTRIBUTES[name] == BOOL:
        lowered = text.lower()
        if lowered in ("1", "yes", "y", "true", "是", "有"):
            return True
        if lowered in ("0", "no", "n", "false", "否", "无"):
            return False
        raise ValueError(f"{text!r} is not yes/no (是/否)")
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if number < 0 or number != number:
        raise ValueError(f"{text!r} is not a number ≥ 0")
    if number.is_integer():
        return int(number)
    if name in COUNT_ATTRIBUTES:
        raise NotWhole(f"{text!r} is not a whole number")
    return number


def setting_problem(key: str, value: Any) -> str | None:
    """What is wrong with an office setting's value (in the current language, for the
    administrator who set it), or None when it may be published."""
    from fieldapp.domain.activities import ActivityTypeInvalid, activity_types_from
    from fieldapp.domain.assessment import weights_problem
    from fieldapp.domain.checklist_rules import param_problems
    from fieldapp.i18n import listed, t

    if key not in OFFICE_SETTINGS:
        return t("setting.unknown", setting=key, known=listed(OFFICE_SETTINGS))
    if key == "activity_types":
        if not isinstance(value, list):
            return t("setting.activity_types.not_list")
        if not value:  # devices would schedule no activity at all
            return t("setting.activity_types.empty")
        try:
            activity_types_from(value)
        except ActivityTypeInvalid as problem:
            return t("setting.activity_types.bad", problem=problem)
        return None
    if key == "assessment_weights":
        return weights_problem(value)
    if key == "report_reminder_minutes":
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 24 * 60
        return None if ok else t("setting.reminder_minutes")
    if not isinstance(value, dict):
        return t("setting.not_table", setting=key, example=TABLE_EXAMPLES[key])
    for name, item in value.items():
        if key == "cadence_days":
            if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= 366:
                return t("setting.cadence_days", name=name)
        elif key == "report_deadlines":
            if not isinstance(item, str) or not TIME_RE.match(item):
                return t("setting.report_deadline", name=name)
        elif problems := param_problems(name, item):
            return str(problems[0])
    return None
