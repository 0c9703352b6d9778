"""How the review queue reads on screen: its columns, a row's cells, the mark, the filters
line, the page title, what a hand-over leaves out, the fixes a verify refuses, what printing notices wrote and where
the PDFs go. Plain functions of the queue's values; the screen is `review`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from fieldapp.domain.clock import today
from fieldapp.domain.finding_dates import hand_over_too_early, hand_over_too_early_said, local_day
from fieldapp.domain.findings import SEVERITIES, STATES, not_due_for_hand_over
from fieldapp.i18n import t
from fieldapp.services.review import ReviewFilters, ReviewRow
from fieldapp.tui.views.due_list import brief_date
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.paged_table import widest
from fieldapp.tui.widgets.table import Cut
from fieldapp.tui.widgets.venue_names import VenueName

MARK = "●"


def state_label(state: str) -> str:
    """A finding's state as its column shows it: short, and whole in either language."""
    return t(f"review_ui.state_col.{state}")


def mark(marked: bool) -> str:
    return MARK if marked else ""


VENUE = 24  # a venue's name: as much of it as a wide screen has room for
VENUE_MIN = 14  # and no less, its start and "…" (the detail below says it whole)
VENUE_WANT = 20  # "鼎美村·惠民大排档(…": a name read without the detail
# Left out in this order where the table is too narrow for them beside the venue's
# room: when and by whom a hazard was found and its item are in the detail below. Who
# and when come only beside a name that is read (at 80 columns the inspector took the
# name down to "鼎美村·惠民…"). The item is kept beside a narrower venue (its code is in
# the column before it): without it two hazards of one venue read alike (English at 80).
LEFT_OUT = (("found", VENUE_WANT), ("inspector", VENUE_WANT), ("item", 10))


def deadline_cell(row: ReviewRow, day: dt.date) -> str:
    """A row's deadline as its column says it: "10-27" within half a year of `day` (the
    whole date further off), "late" / "逾期" after it once it has passed."""
    deadline = brief_date(row.deadline, day) if row.deadline else "—"
    return f"{deadline} {t('review_ui.overdue_col')}" if row.overdue else deadline


def column_widths(room: int, deadlines: Sequence[str] = ()) -> dict[str, int]:
    """The queue's columns in a table with `room` cells for them, and their widths: what
    decides the action first, whole (the deadline as wide as the page's `deadlines` need,
    a late one's "12-31 late" before any are loaded); the venue's name as wide as is left
    (at 80 columns the last three columns were out of sight, to be scrolled to)."""
    widths = {
        "mark": 1,
        "deadline": widest(*(deadlines or [f"12-31 {t('review_ui.overdue_col')}"])),
        "state": widest(*(f"⚠ {state_label(s)}" for s in ("", *STATES))),
        "severity": widest(*(t(f"review.severity.{s}") for s in SEVERITIES)),
        "code": 8,  # DM-0042
        "venue": VENUE,
        "item": 7,
        "inspector": 6,
        "found": 10,
    }
    for key, width in widths.items():
        if key != "mark":  # a heading is seen whole
            widths[key] = max(width, widest(t(f"review_ui.col.{key}")))
    left = list(LEFT_OUT)

    def venue_room() -> int:
        return room - sum(w + 2 for k, w in widths.items() if k != "venue") - 2

    least = VENUE_MIN
    while left and venue_room() < left[0][1]:
        del widths[left.pop(0)[0]]
    if left:
        least = min(least, left[0][1])
    widths["venue"] = max(least, min(VENUE, venue_room()))
    return widths


def add_columns(table: PagedTable, room: int, rows: Sequence[ReviewRow] = ()) -> None:
    """The columns for `room` cells, the deadline's fitted to the page's `rows`."""
    day = today()
    for key, width in column_widths(room, [deadline_cell(r, day) for r in rows]).items():
        label = "" if key == "mark" else t(f"review_ui.col.{key}")
        table.add_column(label, key=key, width=width)


def row_cells(row: ReviewRow, marked: bool) -> dict[str, str | Cut]:
    """The cells of a queue row by column (a table shows those it has room for)."""
    state = state_label(row.state)
    if row.conflict:
        state = f"⚠ {state}"
    return {
        "mark": mark(marked),
        "deadline": deadline_cell(row, today()),
        "state": state,
        "severity": t(f"review.severity.{row.severity}"),
        "code": row.venue_code,
        "venue": VenueName(row.venue_name),  # its own part kept in a narrowed column
        "item": row.item_code,
        "inspector": row.inspector_name,
        "found": row.found_on.isoformat() if row.found_on else "",
    }


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


def not_due_yet(rows: list[ReviewRow], today: dt.date) -> list[tuple[ReviewRow, str]]:
    """The chosen hazards that may not be handed over today, each with why: the domain's
    one rule (a general hazard once its deadline has passed, a major one at once)."""
    early = []
    for row in rows:
        why = not_due_for_hand_over(row.severity, row.state, row.deadline, today)
        if why is not None:
            early.append((row, why))
    return early


def hand_over_too_early_for(rows: list[ReviewRow]) -> Callable[[dict[str, Any]], str | None]:
    """The rule a hand-over's date is checked by in its dialog: why the date typed is
    before the earliest day one of `rows` may be handed over (the day it was found; a
    general hazard's deadline passed), worded for that one — as each row would be refused
    once the dialog had closed, with what was typed gone."""

    def refused(data: dict[str, Any]) -> str | None:
        latest: tuple[tuple[dt.date, dt.date], ReviewRow, dt.date | None] | None = None
        for row in rows:
            found = local_day(row.found_at) or row.found_on
            early = hand_over_too_early(data, found, row.severity, row.state, row.deadline)
            if early is not None and (latest is None or early[1] > latest[0][1]):
                latest = (early, row, found)
        if latest is None:
            return None
        early, row, found = latest
        return hand_over_too_early_said(early, found, row.deadline)

    return refused


def none_due_said(early: list[tuple[ReviewRow, str]]) -> str:
    """Why none of the chosen hazards is handed over: the one's own reason, or how many
    and the first deadline."""
    if len(early) == 1:
        row, why = early[0]
        return t("review_ui.hand_over.none_due_single", label=row.label, reason=why)
    first = min(row.deadline for row, _ in early if row.deadline is not None)
    return t("review_ui.hand_over.none_due", count=len(early), deadline=first.isoformat())


def left_out_said(early: list[tuple[ReviewRow, str]], shown: int = 3) -> str:
    """The hazards a hand-over leaves out as not yet due, for its dialog: how many, then
    each on a line (the first `shown`)."""
    if not early:
        return ""
    heading = t("review_ui.hand_over.left_out", count=len(early))
    return _headed_list(heading, [row for row, _ in early], shown)


def not_extended_said(barred: list[ReviewRow], shown: int = 3) -> str:
    """The chosen hazards whose state allows no extension (handed over, its outcome
    recorded, closed), for the extension's dialog: how many, each on a line; "" if none."""
    if not barred:
        return ""
    heading = t("review_ui.extend.left_out", count=len(barred))
    return _headed_list(heading, barred, shown)


def own_fixes_said(rows: list[ReviewRow], shown: int = 3) -> str:
    """The chosen fixes this person reported, for the verify dialog: said before F10,
    which refuses them (a re-check is someone else's, `self_verified`). The one chosen, or
    all of them, or how many of how many and which (the first `shown`); "" when none."""
    own = [row for row in rows if row.own_fix]
    if not own:
        return ""
    if len(rows) == 1:
        return t("review_ui.verify.own_fix")
    if len(own) == len(rows):
        return t("review_ui.verify.own_fix_all", count=len(own))
    heading = t("review_ui.verify.own_fix_some", count=len(own), total=len(rows))
    return _headed_list(heading, own, shown)


def _headed_list(heading: str, rows: list[ReviewRow], shown: int) -> str:
    """A heading, then the first `shown` hazards one a line, then how many more."""
    lines = [heading, *(row.label for row in rows[:shown])]
    if len(rows) > shown:
        lines.append(t("review_ui.bulk.more", count=len(rows) - shown))
    return "\n".join(lines)


# The notices' file names said after `p`, one a line; the rest are counted (all are in
# the folder said).
NAMES_SAID = 6


def notices_said(written: list[Path], refusals: list[str]) -> str:
    """Several venues' notices: how many were written, the folder and each file's name on
    a line of its own (whole in a toast at 80 columns), then why any were not."""
    said = []
    if written:
        names = [out.name for out in written[:NAMES_SAID]]
        if len(written) > NAMES_SAID:
            names.append(t("review_ui.notices_more", count=len(written) - NAMES_SAID))
        said.append(t("review_ui.notices_printed", count=len(written),
                      folder=written[0].parent, files="\n".join(names)))  # fmt: skip
    if refusals:
        said.append(t("review_ui.notices_refused", count=len(refusals),
                      reasons="\n".join(refusals)))  # fmt: skip
    return "\n".join(said)


def documents_dir() -> Path:
    from fieldapp.paths import data_home, private_folder

    return private_folder(data_home() / "documents")


def safe_name(text: str) -> str:
    from fieldapp.services.common.file_names import name_part

    return name_part(text)  # a 文号 held from before its bound still makes a file's name


def written_whole(out: Path) -> bool:
    """A file that is there and not empty."""
    try:
        return out.is_file() and out.stat().st_size > 0
    except OSError:
        return False
