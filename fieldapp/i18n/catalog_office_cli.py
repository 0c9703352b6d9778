"""The office's command line (`fieldapp admin …`, `fieldapp demo`): refusals, column
headers and confirmations its commands print."""

from __future__ import annotations

ZH: dict[str, str] = {
    "patrol.attendance.col.grid": "网格",
    "patrol.attendance.col.late": "迟到点位",
}

EN: dict[str, str] = {
    "patrol.attendance.col.grid": "Grid",
    "patrol.attendance.col.late": "Late checkpoints",
}
