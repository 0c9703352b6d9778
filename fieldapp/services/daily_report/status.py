"""For supervisors: every grid under mine with its report for the day — filed, a zero
report (and whether the store contradicts it since), filed late, refused by the server,
late or missing — read
through `day_reports`, the one definition the dashboard's figures use too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from fieldapp.domain.clock import now, today, wall_clock
from fieldapp.services.common.grid_tree import grid_tree
from fieldapp.services.common.identity import me
from fieldapp.services.common.periods import parse_utc
from fieldapp.services.daily_report.day_reports import contradictions, day_reports, refused_days
from fieldapp.services.daily_report.reports import _deadline_time, deadlines


@dataclass(frozen=True)
class ReportStatus:
    code: str
    name: str
    level: str
    parent: str | None
    depth: int
    deadline: dt.datetime  # local, aware
    report_id: str | None
    submitted_at: dt.datetime | None
    zero_report: bool
    late: bool  # no report and the deadline has passed
    filed_late: bool  # first filed after the deadline (`day_reports`)
    contradicted: dict[str, int] = field(default_factory=dict)  # a zero report's since
    refused: bool = False  # a report filed for the day was refused by the server

    @property
    def filed(self) -> bool:
        return self.report_id is not None

    @property
    def state(self) -> str:
        """filed | zero | zero_contradicted | filed_late | refused | late | missing: what
        the grid's line says (a contradicted zero report says so before it says late; a
        grid whose report was refused, and not filed again, says so before late)."""
        if not self.filed:
            if self.refused:
                return "refused"
            return "late" if self.late else "missing"
        if self.contradicted:
            return "zero_contradicted"
        if self.filed_late:
            return "filed_late"
        return "zero" if self.zero_report else "filed"


def report_status(
    day: dt.date | None = None,
    at: dt.datetime | None = None,
    *,
    grids: Sequence[str] | None = None,
) -> list[ReportStatus]:
    """Every grid under mine (or `grids`), in tree order, with its report for the day."""
    day = day or today()
    moment = wall_clock(at or now())
    nodes = grid_tree(list(grids) if grids is not None else [c for c, _ in me().grids])
    stood = day_reports([n.code for n in nodes], day, day)
    contradicted = contradictions(stood.values())
    refused = refused_days([n.code for n in nodes], day, day)
    table = deadlines()
    result = []
    for n in nodes:
        deadline = wall_clock(dt.datetime.combine(day, _deadline_time(n.code, n.level, table)))
        found = stood.get((n.code, day))
        submitted = parse_utc(found.submitted_at) if found else None
        first = parse_utc(found.first_submitted_at) if found else None
        result.append(
            ReportStatus(
                code=n.code,
                name=n.name,
                level=n.level,
                parent=n.parent,
                depth=n.depth,
                deadline=deadline,
                report_id=found.report_id if found else None,
                submitted_at=submitted,
                zero_report=found.zero if found else False,
                late=found is None and moment > deadline,
                filed_late=first is not None and first > deadline,
                contradicted=contradicted.get((n.code, day), {}),
                refused=(n.code, day) in refused,
            )
        )
    return result


def missing_reports(
    day: dt.date | None = None,
    at: dt.datetime | None = None,
    *,
    grids: Sequence[str] | None = None,
) -> list[ReportStatus]:
    """The grids under mine that have not reported for the day; `late` marks those past
    their deadline."""
    return [s for s in report_status(day, at, grids=grids) if not s.filed]
