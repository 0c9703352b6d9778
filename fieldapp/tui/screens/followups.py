"""Follow-ups (ctrl+t): the readings due to me, like due venues (missed ones marked), and the
cases abnormal readings opened in my grids.

Enter (or e) on a due reading records it (temperature and symptoms); a reading above 37.2 °C or
with symptoms opens a case, said at once, and goes to the grid head with the sync started
then. Enter on a case shows its readings and events. Supervisors act on the case under the cursor:
`h` hands it over to the health centre (with the reference number), `o` records the
outcome, `c` closes it, saying how it ended — keys of the cases list (tab switches lists;
a supervisor with nothing due starts on the cases). A key the case's state refuses (a
closed case handed over) says so before any dialog opens. A change of language (F9)
keeps the list that has the focus and the row under the cursor. Reading and writing run in thread workers; all of it
works offline and syncs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Header, Label

from fieldapp.domain.followups import CASE_OUTCOMES, HEALTH_FORM, PLAUSIBLE
from fieldapp.domain.free_text import text_problem
from fieldapp.i18n import listed, t
from fieldapp.services.followups.cases import CaseView, state_refusal
from fieldapp.services.followups.plans import DueReading
from fieldapp.tui.dialogs.case_detail import CaseDetailDialog
from fieldapp.tui.dialogs.followup import AskDialog, ReadingDialog, fever_denied_words
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.views.review import local_stamp
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import selected_key
from fieldapp.tui.widgets.table import Table

CASE_ACTIONS = ("hand_over", "record_outcome", "close_case")


def failed_width() -> int:
    """The abnormal column as wide as every item of the health form failed at once: 14
    cut "temperature, symptoms" to "temperature, s" at 80 columns."""
    every = listed(t(f"followups.failed.{item.code}") for item in HEALTH_FORM.items)
    return max(cell_len(every), cell_len(t("followups.col.failed")))


@dataclass(frozen=True)
class FollowupsData:
    due: tuple[DueReading, ...]
    cases: tuple[CaseView, ...]
    supervisor: bool


def load_followups() -> FollowupsData:
    from fieldapp.services.common.identity import me
    from fieldapp.services.followups import cases, plans

    due = plans.due_readings(planned=True)  # a plan just made: listed with its next time
    return FollowupsData(tuple(due), tuple(cases.cases()), me().is_supervisor)


class FollowupsScreen(FieldScreen[None]):
    REMOUNT_ON_RELABEL = True
    PLACE = "binding.app.followups"
    SECTION = True
    CSS_PATH = "people.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Each list offers its own keys (`check_action`): at 80 columns the case keys did
        # not fit after the due list's.
        Binding("e", "record", "Record reading", id="followups.record"),
        Binding("tab", "switch_table", "Due / cases", id="followups.switch"),
        Binding("h", "hand_over", "Hand over", id="followups.hand_over"),
        Binding("o", "record_outcome", "Outcome", id="followups.outcome"),
        Binding("c", "close_case", "Close case", id="followups.close"),
        Binding("r", "refresh", "Refresh", id="followups.refresh"),
        Binding("escape", "back", "Back", id="followups.back"),
    ]

    @dataclass
    class Loaded(Message):
        data: FollowupsData

    @dataclass
    class Done(Message):
        text: str
        warning: bool = False

    @dataclass
    class Invalid(Message):
        due: DueReading
        answers: dict[str, str]
        problem: str

    def __init__(self) -> None:
        super().__init__(id="followups")
        self.data = FollowupsData((), (), False)
        self._kept_case: str | None = None  # the case under the cursor before F9
        self._relabelled = False  # the lists reloaded after F9: the focus stays put

    async def relabel(self) -> None:
        """F9 rebuilds the lists: the cases list keeps the focus and its row, where it
        went back to the due list and `c` then did nothing."""
        on_cases = self.query_one("#followups-cases", DataTable).has_focus
        self._kept_case = selected_key(self.query_one("#followups-cases", DataTable))
        self._relabelled = True
        await super().relabel()
        if on_cases:
            self.query_one("#followups-cases", DataTable).focus()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(t("followups.due"), id="followups-due-title", classes="pane-title")
        yield Table(id="followups-due", cursor_type="row", zebra_stripes=True)
        yield Label(t("followups.cases"), id="followups-cases-title", classes="pane-title")
        yield Table(id="followups-cases", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("followups.subtitle")
        due = self.query_one("#followups-due", DataTable)
        for key, width in (("slot", 18), ("name", 10), ("state", 10)):
            due.add_column(t(f"followups.col.{key}"), key=key, width=width)
        cases = self.query_one("#followups-cases", DataTable)
        for key, width in (("name", 10), ("opened", 16), ("failed", failed_width()), ("state", 16)):
            cases.add_column(t(f"followups.col.{key}"), key=key, width=width)
        due.focus()
        self._load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        on_cases = any(table.has_focus for table in self.query("#followups-cases"))
        if action in CASE_ACTIONS:
            return self.data.supervisor and on_cases
        if action == "record":
            return not on_cases
        return super().check_action(action, parameters)

    def action_refresh(self) -> None:
        self._load()

    def action_switch_table(self) -> None:
        due = self.query_one("#followups-due", DataTable)
        other = self.query_one("#followups-cases", DataTable)
        (other if due.has_focus else due).focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="followups-load")
    def _load(self) -> None:
        from fieldapp.store import db

        with db.connection_context():
            data = load_followups()
        self.post_message(self.Loaded(data))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        self.data = event.data
        self.refresh_bindings()
        due = self.query_one("#followups-due", DataTable)
        nothing_due = not event.data.due and event.data.cases and event.data.supervisor
        if due.has_focus and nothing_due and not self._relabelled:
            self.query_one("#followups-cases", DataTable).focus()  # nothing due: the cases
        due.clear()
        for index, reading in enumerate(event.data.due):
            state = t("followups.missed") if reading.missed else t("followups.due_now")
            state = t("followups.upcoming") if reading.upcoming else state
            due.add_row(reading.slot_at.replace("T", " "), reading.name, state, key=str(index))
        cases = self.query_one("#followups-cases", DataTable)
        cases.clear()
        for case in event.data.cases:
            failed = listed(t(f"followups.failed.{code}") for code in case.failed)
            failed = failed[:1].upper() + failed[1:]  # a cell starts as one: "Temperature"
            cases.add_row(case.name, local_stamp(case.opened_at), failed,
                          t(f"followups.state.{case.state}"), key=case.id)  # fmt: skip
        if self._kept_case is not None and self._kept_case in cases.rows:
            cases.move_cursor(row=cases.get_row_index(self._kept_case))
        self._kept_case, self._relabelled = None, False
        self.query_one("#followups-due-title", Label).update(
            t("followups.due_count", count=len(event.data.due))
        )

    # -- readings ----------------------------------------------------------------------

    @on(DataTable.RowSelected, "#followups-due")
    def action_record(self) -> None:
        key = selected_key(self.query_one("#followups-due", DataTable))
        if key is None:
            self.explain(t("followups.nothing_due"))
            return
        due = self.data.due[int(key)]
        if due.upcoming:  # the 16:00 check is not taken at 08:26
            self.explain(t("reading.too_early", at=due.opens_at.replace("T", " ")))
            return
        self._ask_reading(due)

    def _ask_reading(self, due: DueReading, problem: str = "", answers: dict | None = None):  # type: ignore[type-arg]
        title = t("reading.title", name=due.name, slot=due.slot_at.replace("T", " "))

        def done(result: dict[str, str] | None) -> None:
            if result is not None:
                self._record(due, result)

        dialog = ReadingDialog(title, problem, answers, temperature=due.temperature)
        self.app.push_screen(dialog, done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="followups-save")
    def _record(self, due: DueReading, answers: dict[str, str]) -> None:
        from fieldapp.services.followups import readings
        from fieldapp.store import db

        with db.connection_context():
            try:
                recorded = readings.record_reading(due.plan_id, due.slot_at, answers)
            except readings.ReadingTooEarly as early:
                at = early.opens_at.replace("T", " ")
                self.post_message(self.Done(t("reading.too_early", at=at), warning=True))
                return
            except readings.FeverDenied as denied:  # the dialog says it first; the service too
                self.post_message(
                    self.Invalid(due, answers, fever_denied_words(denied.temperature))
                )
                return
            except readings.ReadingInvalid:
                low, high = PLAUSIBLE["FUP-01"]
                problem = t("reading.invalid", low=f"{low:g}", high=f"{high:g}")
                self.post_message(self.Invalid(due, answers, problem))
                return
        self.app.post_message(SyncRequested("followup.reading"))  # a fever: the grid head now
        if recorded.case_id:
            self.post_message(self.Done(t("reading.abnormal", name=due.name), warning=True))
        else:
            saved = "reading.saved_late" if recorded.late else "reading.saved"
            self.post_message(self.Done(t(saved)))

    @on(Invalid)
    def _invalid(self, event: Invalid) -> None:
        self._ask_reading(event.due, event.problem, event.answers)

    @on(Done)
    def _done(self, event: Done) -> None:
        self.notify(event.text, severity="warning" if event.warning else "information")
        self._load()

    # -- cases -------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#followups-cases")
    def _show_case(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self._load_case(event.row_key.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="followups-case-detail")
    def _load_case(self, case_id: str) -> None:
        from fieldapp.services.followups.case_detail import case_detail
        from fieldapp.store import db

        with db.connection_context():
            detail = case_detail(case_id)
        self.app.call_from_thread(self.app.push_screen, CaseDetailDialog(detail))

    def _case(self, event_type: str) -> CaseView | None:
        """The case under the cursor, if its state lets it take `event_type`: refused
        before a dialog is filled in for nothing (a closed case handed over)."""
        key = selected_key(self.query_one("#followups-cases", DataTable))
        case = next((case for case in self.data.cases if case.id == key), None)
        if case is None:
            self.app.bell()
        elif (refused := state_refusal(case.state, event_type)) is not None:
            self.explain(refused)
            return None
        return case

    def action_hand_over(self) -> None:
        if (case := self._case("handed_over")) is None:
            return
        # The 文号 by the hazard's rule, said under the field that keeps it ("。。" is none).
        said = partial(text_problem, "hand_over_reference")
        dialog = AskDialog(t("case.hand_over.title"), t("case.reference"), check=said)
        self.app.push_screen(dialog, self._then(case.id, "hand_over"))

    def action_record_outcome(self) -> None:
        if (case := self._case("outcome_recorded")) is None:
            return
        choices = [(t(f"case.outcome.{o}"), o) for o in CASE_OUTCOMES]
        dialog = AskDialog(t("case.outcome.title"), t("case.outcome"), choices)
        self.app.push_screen(dialog, self._then(case.id, "outcome"))

    def action_close_case(self) -> None:
        """A close says how the case ended (required, in words): F10 closes it, Esc
        leaves it open."""
        if (case := self._case("closed")) is None:
            return
        title = t("case.close.title", name=case.name)
        said = partial(text_problem, "case_close_note")  # "。。" says nothing
        dialog = AskDialog(title, t("case.close.note"), check=said)
        self.app.push_screen(dialog, self._then(case.id, "close"))

    def _then(self, case_id: str, action: str) -> Callable[[str | None], None]:
        def answered(value: str | None) -> None:
            if value:
                self._case_event(case_id, action, value)

        return answered

    @work(thread=True, exclusive=True, exit_on_error=False, group="followups-case")
    def _case_event(self, case_id: str, action: str, value: str) -> None:
        from fieldapp.services.followups import cases
        from fieldapp.store import db

        with db.connection_context():
            try:
                if action == "hand_over":
                    cases.hand_over(case_id, value)
                elif action == "outcome":
                    cases.record_outcome(case_id, value)
                else:
                    cases.close(case_id, value)
            except cases.CaseEventRefused as refused:
                self.post_message(self.Done(str(refused), warning=True))
                return
        self.app.post_message(SyncRequested("followup_case.event"))
        self.post_message(self.Done(t(f"case.done.{action}")))

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
