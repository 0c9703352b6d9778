"""Messages for Home's lower row: the unfinished inspections beside the hazards I own."""

from __future__ import annotations

ZH: dict[str, str] = {
    # The drafts' title where their pane has no room for home.drafts.title whole.
    "home.drafts.title_short": "未完成（{count}）",
}

EN: dict[str, str] = {
    "home.drafts.title_short": "Unfinished ({count})",
}
