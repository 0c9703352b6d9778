"""Filters of the review list: grid, venue kind, severity, inspector, dates found.

Given the current filters and the choices (read by the screen's worker); dismisses with
the new `ReviewFilters` (queue and sort kept), or None when cancelled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from fieldapp.domain.typed import no_such_day
from fieldapp.i18n import t
from fieldapp.services.review import ReviewFilters
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.bulk_action import parse_date
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter


def _value(select: Select[str]) -> str | None:
    value: Any = select.value
    return None if value is Select.NULL else str(value)


class ReviewFiltersDialog(ModalScreen[ReviewFilters | None]):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    CSS_PATH = "../screens/review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10", "apply", "Apply", id="filters.apply"),
        Binding("f8", "clear", "Clear", id="filters.clear"),
        Binding("escape", "cancel", "Cancel", id="filters.cancel"),
    ]

    def __init__(
        self,
        filters: ReviewFilters,
        *,
        grids: list[tuple[str, str]],
        kinds: list[str],
        inspectors: list[tuple[str, str]],
    ) -> None:
        super().__init__(id="filters-dialog", classes="dialog")
        self.filters = filters
        self.grids = grids
        self.kinds = kinds
        self.inspectors = inspectors
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        f = self.filters
        blank = t("review_ui.filter.any")
        with Vertical(classes="dialog-box"):
            yield Label(t("review_ui.filter.title"), classes="dialog-title")
            with Grid(id="filters-grid"):
                yield Label(t("review_ui.filter.grid"))
                yield Select(
                    [(name, code) for code, name in self.grids],
                    value=f.grids[0] if f.grids else Select.NULL,
                    prompt=blank,
                    id="filter-grid",
                )
                yield Label(t("review_ui.filter.kind"))
                yield Select(
                    [(t(f"kind.{kind}"), kind) for kind in self.kinds],
                    value=f.kinds[0] if f.kinds else Select.NULL,
                    prompt=blank,
                    id="filter-kind",
                )
                yield Label(t("review_ui.filter.severity"))
                yield Select(
                    [(t(f"review.severity.{s}"), s) for s in ("general", "major")],
                    value=f.severity or Select.NULL,
                    prompt=blank,
                    id="filter-severity",
                )
                yield Label(t("review_ui.filter.inspector"))
                yield Select(
                    [(name, pid) for pid, name in self.inspectors],
                    value=f.inspector or Select.NULL,
                    prompt=blank,
                    id="filter-inspector",
                )
                yield Label(t("review_ui.filter.found_from"))
                yield Input(
                    f.found_from.isoformat() if f.found_from else "",
                    placeholder=t("app.date_placeholder"),
                    id="filter-from",
                )
                yield Label(t("review_ui.filter.found_to"))
                yield Input(
                    f.found_to.isoformat() if f.found_to else "",
                    placeholder=t("app.date_placeholder"),
                    id="filter-to",
                )
            yield from dialog_foot(
                FormMessage(id="filter-error", classes="dialog-error"),
                (t("review_ui.filter.apply"), "filter-ok"),
                (t("review_ui.filter.clear"), "filter-clear"),
                (t("confirm.no"), "filter-cancel"),
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#filter-grid", Select).focus(scroll_visible=False)

    def chosen(self) -> ReviewFilters | str:
        """The filters entered, or why they cannot be used."""
        days: list[dt.date | None] = []
        for selector in ("#filter-from", "#filter-to"):
            text = self.query_one(selector, Input).value.strip()
            day = parse_date(text) if text else None
            if text and day is None:
                self.query_one(selector, Input).focus()  # the field it names
                return no_such_day(text) or t("review_ui.filter.bad_date", text=text)
            days.append(day)
        if days[0] and days[1] and days[0] > days[1]:
            self.query_one("#filter-from", Input).focus()
            return t("review_ui.filter.reversed", first=days[0], last=days[1])
        grid = _value(self.query_one("#filter-grid", Select))
        kind = _value(self.query_one("#filter-kind", Select))
        return replace(
            self.filters,
            grids=(grid,) if grid else (),
            kinds=(kind,) if kind else (),
            severity=_value(self.query_one("#filter-severity", Select)),
            inspector=_value(self.query_one("#filter-inspector", Select)),
            found_from=days[0],
            found_to=days[1],
        )

    @on(Button.Pressed, "#filter-ok")
    @on(Input.Submitted)
    def action_apply(self) -> None:
        result = self.chosen()
        if isinstance(result, str):
            self.query_one("#filter-error", Static).update(result)
            return
        self.dismiss(result)

    @on(Button.Pressed, "#filter-clear")
    def action_clear(self) -> None:
        f = self.filters
        self.dismiss(ReviewFilters(queue=f.queue, sort=f.sort, descending=f.descending))

    @on(Button.Pressed, "#filter-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
