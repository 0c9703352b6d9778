"""A patrol run (巡逻): the route's checkpoints, which are left, and the time left.

A placard scanned anywhere in the app while this screen is open (a wedge burst, the scan
dialog F2, a photo's QR) checks in at its checkpoint (`ScanningApp.scan_text` routes it
here); `m` records the checkpoint under the cursor by hand with a reason, as for venues.
On the checkpoint under the cursor: `n` a note (shown under the list; `n` again changes
it, emptied takes it away), `p` a photo (counted in its row), `e` its short form, F4 an incident with the place filled in. F10 finishes the run (asking first when checkpoints
are left) and sends it with the next sync. Every step is committed by its worker before
the screen says so; the time left is recomputed every 30 seconds. A run made before its
route starts says so under the time: it is kept and listed as early, not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Header, Label, Static

from fieldapp.domain.checkpoint_forms import is_problem
from fieldapp.i18n import listed, t
from fieldapp.services.patrols.due import RunView
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.views.patrol_run import finish_question, named, point_state, run_status, why_ended
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import selected_key
from fieldapp.tui.widgets.table import Cut, Table

# what changes a run: not offered on one finished or taken over (it is only read)
READ_ONLY_HIDES = frozenset({"manual", "note", "photo", "form", "finish"})


class PatrolRunScreen(FieldScreen[None]):
    PLACE = "nav.place.patrol_run"
    FOOTER_PINNED = ("patrol.finish",)  # finishing is the run's main key: always in sight
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "manual", "By hand", id="patrol.manual"),
        Binding("n", "note", "Note", id="patrol.note"),
        Binding("p", "photo", "Photo", id="patrol.photo"),
        Binding("e", "form", "Form", id="patrol.form"),
        Binding("f4,ctrl+r", "incident", "Incident", id="patrol.incident"),
        Binding("f10", "finish", "Finish", id="patrol.finish"),
        Binding("escape", "back", "Back", id="patrol.back"),
    ]

    @dataclass
    class Loaded(Message):
        view: RunView

    @dataclass
    class Said(Message):
        text: str
        severity: str = "information"
        ask_reason_for: str = ""  # a checkpoint id: a typed code, ask why not scanned

    @dataclass
    class Finished(Message):
        pass

    def __init__(self, run_id: str) -> None:
        super().__init__(id="patrol-run")
        self.patrol_run_id = run_id
        self.view: RunView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="patrol-run-title", classes="pane-title")
        yield Label("", id="patrol-run-status")
        yield Static(t("patrol.run.hint"), id="patrol-run-hint")
        yield Table(id="patrol-run-points", cursor_type="row", zebra_stripes=True)
        yield Label("", id="patrol-run-note")  # the note on the checkpoint under the cursor
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("patrol.subtitle")  # the header names the section, as elsewhere
        table = self.query_one("#patrol-run-points", Table)
        # under 80 columns the name cut with "…" (to 8 cells) leaves the time whole, not "23:"
        table.squeezed, table.squeezed_min = ("name", "photos"), 8
        for key, width in (("code", 10), ("name", 24), ("state", 16), ("at", 6), ("photos", 6)):
            table.add_column(t(f"patrol.run.col.{key}"), key=key, width=width)
        table.focus()
        self.reload()
        self.set_interval(30, self.reload)

    async def relabel(self) -> None:
        await super().relabel()
        self.on_mount()

    # -- data --------------------------------------------------------------------------

    def reload(self) -> None:
        self._load()

    def synced(self) -> None:
        """The server may have answered that the run was taken over on another device."""
        self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="patrol-run-load")
    def _load(self) -> None:
        from fieldapp.services.patrols.due import run_view
        from fieldapp.store import db

        with db.connection_context():
            view = run_view(self.patrol_run_id)
        self.post_message(self.Loaded(view))

    @on(Loaded)
    def _show(self, event: Loaded) -> None:
        view = self.view = event.view
        self.query_one("#patrol-run-title", Label).update(
            t("patrol.run.title", route=view.route_name, code=view.route_code)
            + (f"  · {t('patrol.run.ordered')}" if view.ordered else "")
        )
        status = run_status(view)
        self.query_one("#patrol-run-status", Label).update(status)
        # a run finished or taken over is only read: no hint, no keys that would change it
        self.query_one("#patrol-run-hint", Static).display = not self._read_only()
        self.refresh_bindings()
        table = self.query_one("#patrol-run-points", DataTable)
        row = table.cursor_row
        table.clear()
        for line in view.lines:
            state = point_state(line, view)
            photos = str(line.photos) if line.photos else ""
            table.add_row(line.code, Cut(line.name), state, line.at, photos,  # type: ignore[arg-type]
                          key=line.checkpoint_id)  # fmt: skip
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._show_note()

    @on(DataTable.RowHighlighted, "#patrol-run-points")
    def _show_note(self) -> None:
        line = self._line(quiet=True)
        note = (
            t("patrol.run.note_line", checkpoint=named(line), note=line.note)
            if line and line.note
            else ""
        )
        self.query_one("#patrol-run-note", Label).update(note)

    def _line(self, *, quiet: bool = False) -> Any:
        key = selected_key(self.query_one("#patrol-run-points", DataTable))
        if key is None or self.view is None:
            if not quiet:
                self.app.bell()
            return None
        return next((line for line in self.view.lines if line.checkpoint_id == key), None)

    @on(Said)
    def _said(self, event: Said) -> None:
        self.notify(event.text, severity=event.severity)  # type: ignore[arg-type]
        if event.ask_reason_for:
            self._ask_reason(event.ask_reason_for)
        self.reload()

    # -- scans -------------------------------------------------------------------------

    def scan(self, text: str, source: str) -> None:
        """A placard scanned (or a code typed) anywhere while this run is open."""
        self._scan(text, source)

    @work(thread=True, exit_on_error=False, group="patrol-run-scan")
    def _scan(self, text: str, source: str) -> None:
        from fieldapp.services.patrols import runs
        from fieldapp.store import db

        with db.connection_context():
            try:
                outcome = runs.record_scan(self.patrol_run_id, text, source)
            except runs.PatrolRefused as refused:
                self.post_message(self.Said(str(refused), "error"))
                return
        severity = "information" if outcome.accepted else "warning"
        ask = outcome.checkpoint_id if outcome.typed_code else ""
        self.post_message(self.Said(outcome.message, severity, ask))

    def _read_only(self) -> bool:
        return self.view is not None and (self.view.finished or self.view.taken_over)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in READ_ONLY_HIDES and self._read_only():
            return False
        return super().check_action(action, parameters)

    def _ended(self) -> bool:
        """Is the run finished (shown, not changed)? Says so when it is."""
        if self.view is not None and self.view.finished:  # by the office: that says why
            self.explain(why_ended(self.view), severity="information")
            return True
        if self.view is not None and self.view.taken_over:
            self.explain(t("patrol.refused.taken_over", route=self.view.route_name))
            return True
        return False

    def action_manual(self) -> None:
        if self._ended():
            return
        line = self._line()
        if line is not None and line.done:  # nothing to record twice
            self.explain(
                t("patrol.run.already", checkpoint=named(line), at=line.at), severity="information"
            )
        elif line is not None:
            self._ask_reason(line.checkpoint_id)

    def _ask_reason(self, checkpoint_id: str) -> None:
        from fieldapp.domain.patrols import MANUAL_REASONS
        from fieldapp.tui.dialogs.presence import PresenceChoice, PresenceDialog

        line = next(
            (x for x in (self.view.lines if self.view else ()) if x.checkpoint_id == checkpoint_id),
            None,
        )
        label = named(line) if line else checkpoint_id

        def chosen(choice: PresenceChoice | None) -> None:
            if choice is not None:
                self._step("manual", checkpoint_id, choice.reason, choice.note)

        self.app.push_screen(PresenceDialog(label, MANUAL_REASONS, texts="patrol.manual"), chosen)

    @work(thread=True, exit_on_error=False, group="patrol-run-step")
    def _step(self, what: str, checkpoint_id: str, *values: Any) -> None:
        """One change to the run, committed before it is said."""
        from fieldapp.services.patrols import runs
        from fieldapp.store import db

        with db.connection_context():
            try:
                if what == "manual":
                    runs.record_manual(self.patrol_run_id, checkpoint_id, values[0], values[1])
                else:
                    scan = runs.scan_for(self.patrol_run_id, checkpoint_id)
                    if scan is None:
                        raise runs.PatrolRefused(t("patrol.refused.no_scan"))
                    runs.annotate(scan.id, **{what: values[0]})
            except runs.PatrolRefused as refused:
                self.post_message(self.Said(str(refused), "warning"))
                return
        problems = (
            [(key, answer) for key, answer in values[0].items() if is_problem(key, answer)]
            if what == "answers"
            else []
        )
        if problems:  # a problem found there (否, or 是 to "sale seen?"), said as one
            items = listed(
                t(
                    "patrol.run.form_problem_item",
                    item=t(f"patrol.form.{key}"),
                    answer=t(f"patrol.form.{answer}"),
                )
                for key, answer in problems
            )
            self.post_message(self.Said(t("patrol.run.form_problems", items=items), "warning"))
            return
        self.post_message(self.Said(t("patrol.run.saved")))

    # -- on the checkpoint under the cursor ----------------------------------------------

    def _reached_line(self) -> Any:
        """The checkpoint under the cursor if it was reached; else say how to reach it (a
        note, photo or form belongs to a visit) and return None."""
        if self._ended():
            return None
        line = self._line()
        if line is not None and not line.done:
            self.explain(t("patrol.run.not_reached", checkpoint=named(line)))
            return None
        return line

    def action_note(self) -> None:
        from fieldapp.tui.dialogs.note import NoteDialog

        if (line := self._reached_line()) is None:
            return
        # One note per visit: the one there is starts the field, and saving replaces it.
        key = "patrol.run.note_change_title" if line.note else "patrol.run.note_title"
        title = t(key, checkpoint=named(line))

        def done(note: str | None) -> None:
            if note is not None and note != line.note:  # "" takes the note away
                self._step("note", line.checkpoint_id, note)

        self.app.push_screen(NoteDialog(line.code, line.note, title=title, checked=True), done)

    def action_photo(self) -> None:
        from fieldapp.tui.dialogs.photo import PhotoDialog

        if (line := self._reached_line()) is None:
            return

        def done(sha: str | None) -> None:
            if sha:
                self._step("photos", line.checkpoint_id, [sha])

        self.app.push_screen(PhotoDialog(line.code), done)

    def action_form(self) -> None:
        from fieldapp.domain.checkpoint_forms import FORMS
        from fieldapp.tui.dialogs.patrol_form import ask_items

        if (line := self._reached_line()) is None:
            return
        items = list(FORMS.get(line.form, ()))
        if not items:
            self.explain(t("patrol.run.no_form", checkpoint=named(line)), severity="information")
            return
        # each item starts on the visit's saved answer; all answered, they are saved
        save = lambda answers: self._step("answers", line.checkpoint_id, answers)  # noqa: E731
        ask_items(self.app, line, items, save)

    def action_incident(self) -> None:
        """Report an incident here: the place is the checkpoint, its grid the route's."""
        if (line := self._line()) is None:
            return
        self._open_incident(line.checkpoint_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="patrol-run-incident")
    def _open_incident(self, checkpoint_id: str) -> None:
        from fieldapp.services.incidents.reporting import categories
        from fieldapp.store import db
        from fieldapp.store.patrol_models import Checkpoint

        with db.connection_context():
            codes = categories()
            point = Checkpoint.get_by_id(checkpoint_id)
            place = t("patrol.run.incident_place", code=point.code, name=point.name)
            if point.address:
                place = t("app.aside", text=place, aside=point.address)
            grid = point.grid_code
        self.app.call_from_thread(self._show_incident, codes, checkpoint_id, place, grid)

    def _show_incident(self, codes: list[str], checkpoint_id: str, place: str, grid: str) -> None:
        from fieldapp.tui.dialogs.incident import IncidentDialog
        from fieldapp.tui.messages import SyncRequested

        def reported(incident_id: str | None) -> None:
            if incident_id:
                self._step("incident", checkpoint_id, incident_id)
                self.app.post_message(SyncRequested("incident.event"))

        self.app.push_screen(IncidentDialog(codes, address=place, grid_code=grid), reported)

    # -- finishing ---------------------------------------------------------------------

    def action_finish(self) -> None:
        from fieldapp.tui.dialogs.confirm import ConfirmDialog

        if self._ended():
            return
        if self.view is None or not self.view.left:
            self._finish()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._finish()

        self.app.push_screen(ConfirmDialog(finish_question(self.view)), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="patrol-run-finish")
    def _finish(self) -> None:
        from fieldapp.services.patrols import runs
        from fieldapp.store import db

        with db.connection_context():
            try:
                runs.finish_run(self.patrol_run_id)
            except runs.PatrolRefused as refused:
                self.post_message(self.Said(str(refused), "error"))
                return
        self.post_message(self.Finished())

    @on(Finished)
    def _finished(self) -> None:
        from fieldapp.tui.messages import SyncRequested

        self.app.post_message(SyncRequested("patrol_run.submit"))
        early = self.view.starts_later if self.view else ""
        self.app.notify(
            t("patrol.run.finished_early", day=early) if early else t("patrol.run.finished")
        )
        self.action_back()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
