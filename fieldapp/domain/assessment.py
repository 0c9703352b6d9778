"""The monthly assessment (考核) of a grid: a score out of 100 from the month's rates.

Each part is a rate from 0 to 1, or None when the grid had nothing of that kind to do in
the month (no venue due, no activity due, no patrol route):

- inspections: venues inspected of those due (completion);
- reporting: days with a daily report filed of the days in the month so far;
- hazards: of the hazards that needed rectification, the share not left overdue at the
  month's end;
- activities: scheduled activities held (on time or late) of those whose time ran out;
- patrols: patrol windows done of those over;
- incidents: incidents reported in the month brought to an outcome.

The weights are the office's (setting `assessment_weights`, {part: weight}); a part with
no rate does not count, and the other weights share its place, so a village with no
patrol route is judged on what it had to do. A part the office leaves out (or gives 0)
does not count either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PARTS = ("inspections", "reporting", "hazards", "activities", "patrols", "incidents")
DEFAULT_WEIGHTS: dict[str, float] = {
    "inspections": 30,
    "reporting": 20,
    "hazards": 20,
    "activities": 10,
    "patrols": 10,
    "incidents": 10,
}


def weights_problem(value: Any) -> str | None:
    """What is wrong with weights the office wrote (in the current language), or None."""
    from fieldapp.i18n import listed, t

    if not isinstance(value, Mapping) or not value:
        return t("setting.weights.not_table")
    for part, weight in value.items():
        if part not in PARTS:
            return t("setting.weights.unknown_part", part=part, known=listed(PARTS))
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not 0 <= weight <= 1000
        ):
            return t("setting.weights.bad_weight", part=part)
    if not any(value.values()):
        return t("setting.weights.all_zero")
    return None


def rate(done: int, due: int) -> float | None:
    return done / due if due else None


def score(rates: Mapping[str, float | None], weights: Mapping[str, float]) -> float | None:
    """The weighted mean of the rates there are, out of 100 (one decimal); None when no
    weighted part had anything to do."""
    total = sum(weights.get(p, 0) for p in PARTS if rates.get(p) is not None)
    if not total:
        return None
    points = sum(
        weights.get(p, 0) * (rates.get(p) or 0.0) for p in PARTS if rates.get(p) is not None
    )
    return round(100 * points / total, 1)
