"""How the review queue reads on screen: its columns, a row's cells, the mark, the filters
line and the page title. Plain functions of the queue's values; the screen is `review`."""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.domain.findings import SEVERITIES, STATES
from fieldapp.i18n import t
from fieldapp.services.review import ReviewFilters, ReviewRow
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.paged_table import widest

MARK = "●"


def state_label(state: str) -> str:
    """A finding's state as its column shows it: short, and whole in either language."""
    return t(f"review_ui.state_col.{state}")


def mark(marked: bool) -> str:
    return MARK if marked else ""


def add_columns(table: PagedTable) -> None:
    for key, width in (
        ("mark", 1),
        # What decides the action comes first, so 80 columns show it whole.
        ("deadline", widest(f"2026-12-31 {t('review_ui.overdue_mark')}")),
        ("state", widest(*(f"⚠ {state_label(s)}" for s in ("", *STATES)))),
        ("severity", widest(*(t(f"review.severity.{s}") for s in SEVERITIES))),
        ("code", 9),
        ("venue", 24),
        ("item", 7),
        ("inspector", 6),
        ("found", 10),
    ):
        label = "" if key == "mark" else t(f"review_ui.col.{key}")
        table.add_column(label, key=key, width=width)


def row_cells(row: ReviewRow, marked: bool) -> tuple[str, ...]:
    """The cells of a queue row, in the columns' order."""
    deadline = row.deadline.isoformat() if row.deadline else "—"
    if row.overdue:
        deadline = f"{deadline} {t('review_ui.overdue_mark')}"
    state = state_label(row.state)
    if row.conflict:
        state = f"⚠ {state}"
    return (
        mark(marked),
        deadline,
        state,
        t(f"review.severity.{row.severity}"),
        row.venue_code,
        row.venue_name,
        row.item_code,
        row.inspector_name,
        row.found_on.isoformat() if row.found_on else "",
    )


def page_title(queue: str, offset: int, shown: int, total: int, marked: int) -> str:
    """Which rows of the queue the page shows, and how many are marked."""
    return t(
        "review_ui.page",
        queue=t(f"review.queue.{queue}"),
        first=offset + 1,
        last=offset + shown,
        total=total,
        marked=marked,
    )


def filters_text(f: ReviewFilters, inspector_name: Callable[[str], str]) -> str:
    """The line above the table: the order, then each filter set (or "none")."""
    parts = [
        t(f"review.sort.{f.sort}") + (" ↓" if f.descending else " ↑"),
    ]
    if f.grids:
        parts.append(t("review_ui.filter.grid") + " " + ", ".join(f.grids))
    if f.kinds:
        parts.append(", ".join(t(f"kind.{k}") for k in f.kinds))
    if f.severity:
        parts.append(t(f"review.severity.{f.severity}"))
    if f.inspector:
        parts.append(t("review_ui.filter.inspector") + " " + inspector_name(f.inspector))
    if f.found_from or f.found_to:
        start = f.found_from.isoformat() if f.found_from else "…"
        end = f.found_to.isoformat() if f.found_to else "…"
        parts.append(t("review_ui.filter.found", start=start, end=end))
    if len(parts) == 1:
        parts.append(t("review_ui.filter.none"))
    return " · ".join(parts)
