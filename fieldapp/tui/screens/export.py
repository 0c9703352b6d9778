"""Export the ledger (ctrl+e): format, date range (this month by default), grid and output
path (under the data directory's `exports/` by default); `export_ledger` runs in a
thread worker and feeds a ProgressBar.

Progress is reported the toolong way: `ExportProgress` does not bubble and `can_replace`
merges a flood of updates into the newest one. A worker that is cancelled (the screen
was left) stops at the next page and removes what it had written. Errors a person can
cause (a folder that cannot be written, a full disk, a bad date) say what to do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Header, Input, Label, ProgressBar, Select, Static
from textual.worker import Worker, WorkerState

from fieldapp.domain.typed import no_such_day, typed_date
from fieldapp.i18n import language, listed, t
from fieldapp.services.common.file_names import (
    FORMATS,
    WrongSuffix,
    free_path,
    path_for_format,
)
from fieldapp.services.common.typed_paths import NEW_FILE, PathRefused, typed_path
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.widgets.key_footer import KeyFooter


class ExportCancelled(Exception):
    """The export worker was cancelled between pages."""


def default_path(folder: Path, fmt: str, moment: dt.datetime) -> Path:
    return folder / f"ledger-{moment.strftime('%Y%m%d-%H%M%S')}.{fmt}"


def parse_day(text: str) -> dt.date | None:
    """A typed date (2026-06-01, 2026/06/01, 2026.06.01), None when empty; ValueError
    when it is not a date."""
    return typed_date(text) if text.strip() else None


class ExportScreen(FieldScreen[None]):
    """The ledger export form with its progress bar."""

    REMOUNT_ON_RELABEL = True

    PLACE = "binding.app.export"
    SECTION = True

    CSS_PATH = "rounds.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10", "run_export", "Export", id="export.run"),
        Binding("escape", "back", "Back", id="export.back"),
    ]

    @dataclass
    class Ready(Message):
        today: dt.date
        folder: Path
        moment: dt.datetime
        grids: tuple[tuple[str, str], ...]

    class ExportProgress(Message, bubble=False):
        """Rows written so far of all rows; a newer one replaces one not yet handled."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ExportScreen.ExportProgress)

    @dataclass
    class Finished(Message):
        paths: tuple[Path, ...]
        text: str

    @dataclass
    class Failed(Message):
        text: str

    def __init__(self) -> None:
        super().__init__(id="export")
        self.running = False
        self.written: tuple[Path, ...] = ()
        self.not_overwritten: Path | None = None  # the file there already, kept as it was
        self.own_folder: Path | None = None  # the data directory's exports, made if need be
        self.shown_first: tuple[object, ...] | None = None  # the fields as the form filled them
        self.said_about: tuple[str, ...] = ()  # the fields a refusal shown is about
        self.said_with: dict[str, str] = {}  # their values when it was said

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="export-form"):
            yield Label(t("export_ui.title"), classes="pane-title")
            with Horizontal(classes="export-row"):
                yield Label(t("export_ui.format"), classes="export-label")
                yield Select(
                    [(f.upper(), f) for f in FORMATS],
                    value="xlsx",
                    allow_blank=False,
                    id="export-format",
                )
            with Horizontal(classes="export-row"):
                yield Label(t("export_ui.from"), classes="export-label")
                yield Input(placeholder=t("app.date_placeholder"), id="export-from")
                yield Label(t("export_ui.to"), classes="export-label")
                yield Input(placeholder=t("app.date_placeholder"), id="export-to")
            with Horizontal(classes="export-row"):
                yield Label(t("export_ui.grid"), classes="export-label")
                yield Select[str]([], prompt=t("export_ui.all_grids"), id="export-grid")
            with Horizontal(classes="export-row"):
                yield Label(t("export_ui.path"), classes="export-label")
                yield Input(id="export-path")
            # Empty and hidden (its line kept) until an export runs: an indeterminate bar
            # animated as if something were being exported before anything was
            bar = ProgressBar(total=1, show_eta=False, id="export-progress")
            bar.visible = False
            yield bar
            yield Static(t("export_ui.hint"), id="export-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("export_ui.subtitle")
        self.query_one("#export-format", Select).focus()
        self._start()

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-start")
    def _start(self) -> None:
        from fieldapp.domain.clock import local_now
        from fieldapp.paths import data_home, private_folder
        from fieldapp.services.common.grid_tree import grid_tree
        from fieldapp.services.common.identity import me
        from fieldapp.store import db

        moment = local_now()
        with db.connection_context():
            nodes = grid_tree([code for code, _ in me().grids])
        grids = tuple((n.code, "　" * n.depth + t("app.aside", text=n.name, aside=n.code))
                      for n in nodes)  # fmt: skip
        # The app's own exports folder, owner-only (0700) as the ledgers it holds.
        exports = private_folder(data_home() / "exports")
        self.post_message(self.Ready(moment.date(), exports, moment, grids))

    @on(Ready)
    def _ready(self, event: Ready) -> None:
        self.query_one("#export-from", Input).value = event.today.replace(day=1).isoformat()
        self.query_one("#export-to", Input).value = event.today.isoformat()
        self.query_one("#export-grid", Select).set_options(
            [(name, code) for code, name in event.grids]
        )
        # The file is written under the name shown (F10 does not name it anew, by when it
        # runs: a person reads the name to find the file); one there already is not
        # overwritten (`free_path`).
        self.own_folder = event.folder
        path = default_path(event.folder, self._format(), event.moment)
        self._show_path(path)
        self.shown_first = self._field_values()

    def _field_values(self) -> tuple[object, ...]:
        return tuple(
            field.value
            for field in self.query("#export-form Input, #export-form Select").results()
            if isinstance(field, Input | Select)
        )

    def holds_typed(self) -> bool:
        """A field differs from what the form filled it with (a path typed, dates, a
        grid): going elsewhere (F7) asks first, as the other forms do, and no longer
        drops it without a word."""
        return self.shown_first not in (None, self._field_values())

    def discard_typed(self) -> None:
        """Discarded when asked: the form is left without asking again."""
        self.shown_first = self._field_values()

    def _show_path(self, path: Path) -> None:
        """The file-name field showing `path`, its cursor at the end (where the screen
        renamed the file, the cursor stayed where typing stopped, mid-path)."""
        field = self.query_one("#export-path", Input)
        field.value = str(path)
        field.cursor_position = len(field.value)

    def _format(self) -> str:
        return str(self.query_one("#export-format", Select).value)

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        if path_input.value:
            path = Path(path_input.value)
            if path.suffix.lower().lstrip(".") in FORMATS:
                self._show_path(path.with_suffix(f".{event.value}"))

    # -- running -----------------------------------------------------------------------

    def action_run_export(self) -> None:
        if self.running:
            self.explain(t("export_ui.running"))
            return
        days: list[dt.date | None] = []
        for field, said_in in (("#export-from", "export_ui.from_said"),
                               ("#export-to", "export_ui.to_said")):  # fmt: skip
            typed = self.query_one(field, Input).value
            try:
                days.append(parse_day(typed))
            except ValueError:  # which of the two dates, and what is wrong with it
                said = no_such_day(typed) or t("export_ui.bad_date")
                self._fail(t(said_in, said=said), field)
                return
        first, last = days
        if first and last and first > last:
            said = t("export.range_reversed", first=first, last=last)
            self._fail(said, "#export-from", "#export-to")
            return
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self._fail(t("export_ui.no_path"), "#export-path")
            return
        try:  # a folder, a device, ~nosuchuser, a name too long: said, nothing written
            asked = typed_path(self._in_exports(text), NEW_FILE)  # the field shows the file
            out = typed_path(str(path_for_format(asked, self._format())), NEW_FILE)
        except WrongSuffix as wrong:
            self._fail(wrong.text(), "#export-path")
            return
        except PathRefused as refused:
            self._fail(str(refused), "#export-path")
            return
        free = free_path(out, self._format())
        self.not_overwritten = out if free != out else None
        out = free
        if str(out) != self.query_one("#export-path", Input).value:  # the field shows the file
            self._show_path(out)
        grid_value = self.query_one("#export-grid", Select).value
        grid = None if grid_value is Select.NULL else str(grid_value)
        self.said_about = ()
        self.running = True
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.visible = True
        self.query_one("#export-status", Static).update(t("export.progress"))
        self._export(out, self._format(), first, last, grid, language())

    def _in_exports(self, text: str) -> str:
        """`text` with a bare or relative name put in the exports folder the field shows
        by default (it went into the folder the app was started from, unseen)."""
        if text.startswith("~") or Path(text).is_absolute():
            return text
        from fieldapp.paths import data_home

        return str((self.own_folder or data_home() / "exports") / text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(
        self,
        out: Path,
        fmt: str,
        first: dt.date | None,
        last: dt.date | None,
        grid: str | None,
        lang: str,
    ) -> None:
        from textual.worker import get_current_worker

        from fieldapp.reports.ledger import csv_paths
        from fieldapp.services.export.ledger import ExportFilter, export_ledger
        from fieldapp.services.export.summary import export_summary
        from fieldapp.services.export.unwritable import why_not_written
        from fieldapp.store import db

        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise ExportCancelled
            self.post_message(self.ExportProgress(done, total))

        try:
            # Only the app's own folder is made; another that is missing is refused, as
            # the CLI refuses it (a typo silently made folders).
            if out.parent == self.own_folder:
                out.parent.mkdir(parents=True, exist_ok=True)
            with db.connection_context():
                result = export_ledger(
                    out,
                    fmt=fmt,
                    where=ExportFilter(first, last, grid),
                    progress=progress,
                    lang=lang,
                )
        except ExportCancelled:
            for path in csv_paths(out).values() if fmt == "csv" else [out]:
                path.unlink(missing_ok=True)
            return
        except OSError as error:
            self.post_message(self.Failed(why_not_written(error, out)))
            return
        text = export_summary(result, listed(str(p) for p in result.paths))
        self.post_message(self.Finished(tuple(result.paths), text))

    @on(ExportProgress)
    def _progress(self, event: ExportProgress) -> None:
        bar = self.query_one("#export-progress", ProgressBar)
        if event.done >= event.total:
            # The counted rows are written; the people, patrol, incident and activity
            # sheets and saving the workbook follow, which took ~10 s at a full 100%.
            bar.update(total=None)
            self.query_one("#export-status", Static).update(t("export.saving"))
            return
        bar.update(total=max(event.total, 1), progress=event.done)

    @on(Finished)
    def _finished(self, event: Finished) -> None:
        self.running = False
        self.written = event.paths
        self.shown_first = self._field_values()  # exported: nothing left to lose
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        text = event.text
        if self.not_overwritten is not None:
            text += "\n" + t("export.not_overwritten", path=str(self.not_overwritten))
        self.query_one("#export-status", Static).update(text)
        if not self.is_current:  # the status line is out of sight: said once, as a toast
            self.notify(text, title=t("export_ui.done_title"), timeout=15)

    @on(Worker.StateChanged)
    def _export_ended(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "export" and event.state in (
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            self.running = False
        if event.worker.group == "export" and event.state == WorkerState.ERROR:
            # The app's handler has said what broke; the status no longer says "exporting".
            self._show_failed(t("export_ui.failed_unexpected"))

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self.running = False
        self._show_failed(t("export_ui.failed", reason=event.text))
        if not self.is_current:  # the status line that says it is out of sight
            self.notify(event.text, severity="error")
        self.query_one("#export-path", Input).focus()

    def _show_failed(self, text: str) -> None:
        """The bar back at nothing (hidden) and the status saying the export failed (or
        was refused: an earlier export's 100% beside a refusal read as done)."""
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=1, progress=0)
        bar.visible = False
        self.query_one("#export-status", Static).update(text)

    def _fail(self, text: str, field: str, *others: str) -> None:
        """Say why the form cannot run, once: in its status line, under the fields (a
        toast as well stood over that same line, cutting it in the middle), and put the
        cursor in the field at fault, as the other forms do. The refusal goes once a
        field it is about (`field`, `others`) changes, so it never outlives its cause."""
        self._show_failed(text)
        self.said_about = tuple(name.lstrip("#") for name in (field, *others))
        self.said_with = {name: self.query_one(f"#{name}", Input).value for name in self.said_about}
        self.query_one(field, Input).focus()

    @on(Input.Changed)
    def _mended(self, event: Input.Changed) -> None:
        if event.value == self.said_with.get(event.input.id or ""):
            return  # posted before F10, handled after: the value as it was said
        if not self.running and event.input.id in self.said_about:
            self.said_about = ()
            self.query_one("#export-status", Static).update(t("export_ui.hint"))

    def action_back(self) -> None:
        """Back to where it was opened from; with a field typed in, asked first, as F7
        asks (holds_typed)."""
        if self.holds_typed():
            from fieldapp.tui.dialogs.discarding import discard_question

            def answered(discard: bool | None) -> None:
                if discard:
                    self.discard_typed()
                    self.action_back()

            self.app.push_screen(discard_question(), answered)
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()
