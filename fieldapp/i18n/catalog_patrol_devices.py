"""Messages for a patrol run of mine pulled while still open from another device of mine:
shown in progress there, never resumed here (`services.patrols.mine.open_elsewhere`)."""

from __future__ import annotations

ZH: dict[str, str] = {
    "patrol.due.elsewhere": "另一设备进行中",  # the time-left column: 14 cells
    "patrol.refused.open_elsewhere": "“{route}”正在你的另一台设备上进行，请在那台设备上继续并结束",
}

EN: dict[str, str] = {
    "patrol.due.elsewhere": "other device",  # in progress there; fits the column
    "patrol.refused.open_elsewhere": (
        "'{route}' is in progress on another device of yours; continue and finish it there"
    ),
}
