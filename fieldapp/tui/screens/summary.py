"""Finish an inspection: what was answered, what failed, the hazards and their deadlines;
items answered pass that still have a hazard open from before (they stay open until the
supervisor re-checks them; Ctrl+B, or Enter on one, records the owner's report that it
is fixed); the venue representative's name; submit. Dismisses True once submitted."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Static

from fieldapp.i18n import pick, t
from fieldapp.services.inspection import inspection_view, inspections
from fieldapp.services.inspection.inspection_view import Summary
from fieldapp.services.inspection.inspections import (
    REPRESENTATIVE_MAX,
    ReadOnly,
    RepresentativeRefused,
    SubmitBlocked,
)
from fieldapp.services.inspection.passed_open import PassedOpen, passed_with_open_hazards
from fieldapp.store.storage_full import StorageFull
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.phrase_static import PhraseStatic
from fieldapp.tui.widgets.table import Cut, Table


class SummaryScreen(Screen[bool]):
    PLACE = "nav.place.summary"
    CSS_PATH = "inspect.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+enter", "submit", "Submit", id="summary.submit"),
        Binding("escape", "back", "Back to items", id="summary.back"),
        Binding("ctrl+b", "report_fixed", "Reported fixed", id="summary.report_fixed"),
    ]

    def __init__(self, inspection_id: str) -> None:
        super().__init__(id="summary-screen")
        self.inspection_id = inspection_id
        self.view = inspections.load(inspection_id)
        self.summary: Summary = inspection_view.summarize(inspection_id)
        self.passed_open: list[PassedOpen] = passed_with_open_hazards(self.view)
        self.name_refused = False  # the message says the representative's name is missing
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        venue, checklist = self.view.venue, self.view.checklist
        summary = self.summary
        with VerticalScroll(id="summary-body"):
            yield Static(
                f"{t('summary.title')} · {venue.name}  {venue.code} · "
                f"{pick(checklist.title_zh, checklist.title_en)}",
                id="summary-title",
            )
            yield Static(
                t("summary.answered", answered=summary.answered, total=summary.total),
                id="summary-answered",
            )
            missing = summary.missing_required
            yield Static(
                t("summary.missing_required", count=len(missing), codes=", ".join(missing))
                if missing
                else t("summary.no_missing"),
                id="summary-missing",
                classes="-missing" if missing else "",
            )
            yield Static(
                t(
                    "summary.failures",
                    major=summary.failures.get("major", 0),
                    general=summary.failures.get("general", 0),
                ),
                id="summary-failures",
            )
            if summary.missing_photos:
                yield Static(
                    t("summary.missing_photos", codes=", ".join(summary.missing_photos)),
                    id="summary-photos",
                )
            if self.passed_open:
                yield Label(
                    t("passed_open.heading", count=len(self.passed_open)),
                    classes="summary-heading",
                )
                yield cut_descriptions(Table(id="summary-passed-open", cursor_type="row"))
                hint = t("passed_open.hint", role=t("role.supervisor"))  # 网格长 / Grid head
                yield Static(hint, id="summary-passed-open-hint")
            yield Label(t("summary.findings"), classes="summary-heading")
            if summary.findings:
                yield cut_descriptions(Table(id="summary-findings", cursor_type="row"))
            else:
                yield Static(t("summary.no_findings"), id="summary-no-findings")
            with Vertical(id="summary-sign"):
                if self.view.read_only:
                    inspection = self.view.inspection
                    yield Static(
                        t(
                            "summary.read_only",
                            at=inspection.submitted_at or "",
                            representative=inspection.representative,
                        ),
                        id="summary-submitted",
                    )
                else:
                    yield Label(t("summary.representative", max=REPRESENTATIVE_MAX))
                    yield Input(
                        # a draft's name kept before there was a bound: cut where it shows
                        value=self.view.inspection.representative[:REPRESENTATIVE_MAX],
                        placeholder=t("summary.representative_placeholder"),
                        max_length=REPRESENTATIVE_MAX,
                        id="representative",
                    )
            yield PhraseStatic(id="summary-message")  # "…填写场" / "所负责人姓名。"
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.summary.findings:
            table = self.query_one("#summary-findings", DataTable)
            table.add_columns(
                t("summary.col.item"), t("summary.col.severity"), t("summary.col.deadline")
            )
            table.add_column(t("summary.col.description"), key="description")
            for finding in self.summary.findings:
                table.add_row(
                    finding.item_code,
                    t(f"inspect.severity.{finding.severity}"),
                    finding.deadline.isoformat(),
                    Cut(self.view.description(finding)),
                    key=finding.id,
                )
        self.show_passed_open()
        if not self.view.read_only:
            self.query_one("#representative", Input).focus()
        self.query_one("#summary-message", Static).display = False

    def show_passed_open(self) -> None:
        if not self.passed_open:
            return
        table = self.query_one("#summary-passed-open", DataTable)
        table.clear(columns=True)
        table.add_columns(
            t("summary.col.item"), t("passed_open.col.state"), t("summary.col.deadline")
        )
        table.add_column(t("summary.col.description"), key="description")
        for hazard in self.passed_open:
            table.add_row(
                hazard.item_code,
                t(f"inspect.state.{hazard.state}"),
                hazard.deadline.isoformat(),
                Cut(hazard.description),
                key=hazard.finding_id,
            )

    @on(DataTable.RowSelected, "#summary-passed-open")
    def _passed_open_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_report_fixed()

    def action_report_fixed(self) -> None:
        """The inspector records, on purpose, that the owner fixed the highlighted hazard
        (the re-inspection dialog); nothing is reported by answering pass alone."""
        if not self.passed_open:
            self.notify(t("passed_open.none"), severity="warning")
            return
        from fieldapp.tui.dialogs.reinspect import ReinspectDialog

        table = self.query_one("#summary-passed-open", DataTable)
        hazard = self.passed_open[min(table.cursor_row, len(self.passed_open) - 1)]
        if not hazard.may_report_fixed:  # reported already: once is what the re-check needs
            state = t(f"inspect.state.{hazard.state}")
            self.notify(
                t("passed_open.already_reported", item=hazard.item_code, state=state),
                severity="information",
            )
            return

        def done(changed: bool | None) -> None:
            if changed:
                self.passed_open = passed_with_open_hazards(self.view)
                self.show_passed_open()
                self.refresh_bindings()

        self.app.push_screen(ReinspectDialog(hazard.finding_id), done)

    async def relabel(self) -> None:
        """The language changed: the summary in it, the name typed kept."""
        from fieldapp.tui.screens import rebuild_in_language

        await rebuild_in_language(self)
        self.on_mount()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "report_fixed":  # offered only where a passed item has one open
            return bool(self.passed_open)
        return not (action == "submit" and self.view.read_only)

    def say(self, text: str, *, about_name: bool = False) -> None:
        message = self.query_one("#summary-message", Static)
        message.update(text)
        message.display = bool(text)
        self.name_refused = about_name

    @on(Input.Changed, "#representative")
    def representative_typed(self, event: Input.Changed) -> None:
        """A refusal for the missing name goes once a name is typed; one that named the
        unanswered items too keeps saying them."""
        if self.name_refused and event.value.strip():
            missing = self.summary.missing_required
            self.say(t("summary.blocked", codes=", ".join(missing)) if missing else "")

    @on(Input.Submitted, "#representative")
    def representative_entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        if self.view.read_only:
            return
        field = self.query_one("#representative", Input)
        name = field.value.strip()
        try:
            inspections.set_representative(self.inspection_id, name)  # kept if refused
        except StorageFull as full:  # the name stays typed, to send again with room
            self.say(str(full))
            return
        if not name:
            missing = self.summary.missing_required  # the bigger problem: said first
            self.say(
                t("summary.blocked_and_name", codes=", ".join(missing))
                if missing
                else t("summary.representative_required"),
                about_name=True,
            )
            field.focus()
            return
        try:
            inspections.submit(self.inspection_id, name)
        except SubmitBlocked as blocked:
            self.say(t("summary.blocked", codes=", ".join(blocked.missing)))
            return
        except RepresentativeRefused as refused:
            self.say(str(refused), about_name=True)
            field.focus()
            return
        except ReadOnly:
            self.say(t("inspect.read_only"))
            return
        except StorageFull as full:
            self.say(str(full))
            return
        self.notify(
            t("summary.submitted", venue=self.view.venue.name, count=len(self.summary.findings))
        )
        self.app.post_message(SyncRequested("inspection.submit"))
        self.dismiss(True)

    def action_back(self) -> None:
        if not self.view.read_only:  # the name typed so far, kept for this inspection
            name = self.query_one("#representative", Input).value
            try:
                inspections.set_representative(self.inspection_id, name)
            except StorageFull as full:  # stays: the name typed is not lost by leaving
                self.say(str(full))
                return
        self.dismiss(False)


def cut_descriptions(table: Table) -> Table:
    """A hazards table whose description column gives up width and ends a long
    description with "…" at the screen's edge (it was cut bare: "…(count)On")."""
    table.zebra_stripes = True
    table.squeezed = ("description", "description")
    return table
