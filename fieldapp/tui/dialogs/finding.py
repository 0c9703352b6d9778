"""The finding (隐患) form a failure opens, prefilled from the item: severity, deadline
(today + the item's default days), description (empty; its placeholder says that left
empty it is recorded as the requirement not met, "留空则记为：未达标：…", and it is), photos.

The draft finding already exists when this opens (the failed answer made it, its
description the requirement not met), so nothing is lost whatever happens here: Save writes
the fields; Cancel undoes a failure just given (`new`) and keeps a finding recorded before
(with the failed answer it had: a count typed since is not kept);
a photo is stored on the finding as soon as it is attached. Cancel never keeps a new
hazard unasked: with a photo attached here it asks whether to discard the hazard and the
photo (y) or go back to the form (n, Esc, Enter), where Save keeps them; with something
typed (a description, a deadline, a severity) it asks 放弃已填写的内容？ as every form does,
a finding recorded before included. Quitting (Ctrl+Q) is
Cancel too: the app's quit question says that a new failure's hazard is not recorded and
the item goes back to its earlier answer (unanswered when it had none), and the failure is
withdrawn before the app exits; a finding
recorded before stays as it was, and the question says when what was typed is not kept.
Enter goes to the next field and never saves (keys typed ahead of the form, a scanner's
Enter included, must not record a hazard): Save is F10, Ctrl+Enter or the button.
Dismisses True when saved."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from fieldapp.domain.checklist import Item
from fieldapp.domain.clock import today
from fieldapp.domain.finding_dates import check_new_deadline
from fieldapp.domain.finding_text import is_generated
from fieldapp.domain.free_text import HAZARD_DESCRIPTION_MAX, text_problem
from fieldapp.domain.typed import no_such_day, typed_date
from fieldapp.i18n import t
from fieldapp.services.common.photos import photo_labels
from fieldapp.services.inspection import inspections, supersession
from fieldapp.services.inspection.failure_withdrawal import (
    PriorAnswer,
    put_back_failure,
    withdraw_failure,
)
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import HoldsTyped
from fieldapp.tui.kinsoku import quoted_within
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.table import cut

if TYPE_CHECKING:
    from fieldapp.store.models import Finding

SEVERITIES = ("general", "major")
# The lines of the note on a hazard already open, its description cut to fit: at 80x24
# the description, deadline and severity fields stay in sight below it.
NOTE_LINES = 3
DISCARD_DIALOG_ID = "discard-hazard"


class FindingDialog(HoldsTyped, ModalScreen[bool]):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    CSS_PATH = "../screens/inspect.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+enter", "save", "Save", id="finding.save"),
        Binding("ctrl+o", "attach", "Attach photo", id="finding.attach"),
        Binding("escape", "cancel", "Cancel", id="finding.cancel"),
    ]

    def __init__(
        self, finding: Finding, item: Item, *, new: bool, before: PriorAnswer | None = None
    ) -> None:
        super().__init__(id="finding-dialog", classes="inspect-dialog")
        self.finding_id = str(finding.id)
        self.inspection_id = str(finding.inspection_id)
        self.item = item
        self.severity = finding.severity if finding.severity in SEVERITIES else "general"
        self.deadline: dt.date = finding.deadline
        # The requirement not met is what is saved when nothing is typed, said so by the
        # field's placeholder (not a start to type onto: "…(count)Only one").
        self.prefill = inspections.not_met(item)
        # The generated text, in whichever language it was recorded, is shown as the
        # placeholder (in this screen's); saved with nothing typed, it stays as stored.
        generated = is_generated(finding.description, item.zh, item.en)
        self.description = "" if generated else finding.description
        self.untyped = finding.description if generated else self.prefill
        self.photos: list[str] = list(finding.photos)
        self.stored_description = finding.description
        self.new = new  # the failure was just given: Cancel takes it back
        # The item's answer before the failure, Cancel puts it back: for a finding recorded
        # before, the failed answer the failure given again replaced (its count, say).
        self.before = before
        self.said_about: str | None = None  # the field the message is about
        # The venue's hazards already open on this item (a returned inspection's, say):
        # the form says so, so the same hazard is not recorded twice.
        self.open_before = supersession.open_on_item(
            str(finding.venue_id), item.code, besides=self.finding_id
        )
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(t("finding.title", code=self.item.code), classes="dialog-title")
            if self.open_before:
                yield Static(self.open_before_text(), id="finding-open-before")
            # The fields in the order Tab goes through them, from the one the form opens
            # in: the description, then the deadline (Tab from the description went to
            # Save, and a deadline typed next went nowhere), then the severity.
            yield Label(t("finding.description", most=HAZARD_DESCRIPTION_MAX))
            yield Input(
                self.description,
                # A hint, not a value: it says what is saved if nothing is typed.
                placeholder=t("finding.left_empty", text=self.prefill),
                id="finding-description",
                select_on_focus=False,  # a description held: the first key adds to it
            )
            yield Label(t("finding.deadline"))
            yield Input(self.deadline.isoformat(), id="finding-deadline")
            yield Label(t("finding.severity"))
            yield Select(
                [(t(f"inspect.severity.{s}"), s) for s in SEVERITIES],
                value=self.severity,
                allow_blank=False,
                id="finding-severity",
            )
            yield Label(t("finding.photos"))
            yield Static(id="finding-photos")
            yield from dialog_foot(
                FormMessage(id="finding-message"),
                (t("finding.save"), "finding-save"),
                (t("finding.attach"), "finding-attach"),
                (t("finding.cancel"), "finding-cancel"),
            )

        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_photos()
        self.query_one("#finding-description", Input).focus(scroll_visible=False)
        self.call_after_refresh(self.fit_placeholder)
        self.call_after_refresh(self.fit_open_before)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_placeholder)
        self.call_after_refresh(self.fit_open_before)

    def fit_open_before(self) -> None:
        """The note on a hazard already open, its description cut with "…" to fit in
        `NOTE_LINES` at the note's width: a long one quoted whole (300 characters) pushed
        the deadline and the severity off the form."""
        if not self.open_before:
            return
        note = self.query_one("#finding-open-before", Static)
        if width := note.content_size.width:
            note.update(self.open_before_text(width))

    def fit_placeholder(self) -> None:
        """The placeholder cut with "…" at the field's width: the input cut a long
        requirement mid-word with nothing to say it went on."""
        field = self.query_one("#finding-description", Input)
        if width := field.content_size.width:
            field.placeholder = cut(t("finding.left_empty", text=self.prefill), width)

    def open_before_text(self, width: int = 0) -> str:
        """The note, its description cut to `NOTE_LINES` lines at `width` (whole at 0)."""
        first = self.open_before[0]

        def said(description: str) -> str:
            return t(
                "finding.open_before",
                code=self.item.code,
                count=len(self.open_before),
                deadline=first.deadline.isoformat(),
                description=description,
            )

        # inside the note's brackets, before its own stop: not "…占用”。）。"
        description = first.description.rstrip("。．.！!？?；; ")
        if not width:
            return said(description)
        return quoted_within(said, description, width, NOTE_LINES)

    def show_photos(self) -> None:
        """照片 1、照片 2 (the file's own name when attached in this session), never a hash."""
        labels = photo_labels(self.photos)
        text = t("photo_view.list_sep").join(labels) if labels else t("finding.no_photos")
        self.query_one("#finding-photos", Static).update(text)

    def say(self, text: str, *, ok: bool = False, about: str = "") -> None:
        """Say `text`; a refusal about a field (its id) goes once that field is changed."""
        message = self.query_one("#finding-message", Static)
        message.update(text)
        message.set_class(ok, "-ok")
        self.said_about = about if text and about else None

    @on(Input.Changed)
    @on(Select.Changed)
    def _mended(self, event: Input.Changed | Select.Changed) -> None:
        if self.said_about is not None and self.said_about == event.control.id:
            self.say("")

    def read_form(self) -> tuple[str, dt.date, str] | None:
        """The form's values, or None after saying what is wrong."""
        severity = self.query_one("#finding-severity", Select).value
        deadline_field = self.query_one("#finding-deadline", Input)
        written = deadline_field.value.strip()
        try:
            deadline = typed_date(written)
        except ValueError:
            example = self.deadline.isoformat()
            self.say(
                no_such_day(written) or t("finding.not_a_date", text=written, example=example)
                if written
                else t("finding.bad_deadline"),
                about="finding-deadline",
            )
            deadline_field.focus()
            return None
        if deadline < today():
            self.say(t("finding.past_deadline"), about="finding-deadline")
            deadline_field.focus()
            return None
        refused = check_new_deadline(deadline, today())  # 2099: a slip of the year
        if refused:
            self.say(refused, about="finding-deadline")
            deadline_field.focus()
            return None
        description = self.query_one("#finding-description", Input).value.strip()
        held = description == self.stored_description  # kept as it was: not judged again
        if not held and (said := text_problem("hazard_description", description)) is not None:
            self.say(said, about="finding-description")  # it fills the notice's column
            self.query_one("#finding-description", Input).focus()
            return None
        description = description or self.untyped  # nothing typed: the requirement not met
        return (str(severity) if severity in SEVERITIES else "general", deadline, description)

    @on(Input.Submitted, "#finding-description, #finding-deadline")
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter goes on to the next field, never saves: the form opens unbidden after a
        failing answer, and keys typed ahead (a fast typist's, a scanner's code and Enter)
        landed in the description and saved a 重大 hazard nobody meant. Saving is F10 (or
        Ctrl+Enter, or the Save button), as the footer says."""
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#finding-save")
    def action_save(self) -> None:
        form = self.read_form()
        if form is None:
            return
        severity, deadline, description = form
        inspections.save_finding(
            self.finding_id,
            severity=severity,
            description=description,
            deadline=deadline,
            photos=self.photos,
        )
        self.dismiss(True)

    @on(Button.Pressed, "#finding-attach")
    def action_attach(self) -> None:
        from fieldapp.tui.dialogs.photo import PhotoDialog

        self.app.push_screen(PhotoDialog(self.item.code), self.photo_attached)

    def photo_attached(self, sha256: str | None) -> None:
        if not sha256:
            return
        again = sha256 in self.photos  # the same photo chosen twice: kept once, said so
        if not again:
            self.photos.append(sha256)
        # Stored at once (with what the finding held, or the prefill) so a photo is never lost.
        inspections.save_finding(
            self.finding_id,
            severity=self.severity,
            description=self.stored_description or self.prefill,
            deadline=self.deadline,
            photos=self.photos,
        )
        self.stored_description = self.stored_description or self.prefill
        self.show_photos()
        label = photo_labels(self.photos)[self.photos.index(sha256)]
        said = "photo_view.already_attached" if again else "photo_view.attached"
        self.say(t(said, label=label), ok=True)

    @on(Button.Pressed, "#finding-cancel")
    def action_cancel(self) -> None:
        """Cancel: a new failure is taken back (the item has its earlier answer, unanswered
        when it had none); a finding recorded before stays as it was. Asked first when a
        photo was attached here, or when something was typed (放弃已填写的内容？)."""
        if self.new and self.photos:
            self.ask_to_discard_the_photos()
            return
        if self.typed():
            from fieldapp.tui.dialogs.discarding import discard_question

            self.app.push_screen(discard_question(), self.discard_answered)
            return
        self.leave()

    def leave(self) -> None:
        if self.new:
            self.withdraw()
        else:
            self.put_back()
            self.dismiss(False)

    def discard_answered(self, discard: bool | None) -> None:
        if discard:
            self.leave()
        # else back to the form, in the field typed in: Save keeps the hazard and the text

    def ask_to_discard_the_photos(self) -> None:
        from fieldapp.tui.dialogs.confirm import ConfirmDialog

        self.app.push_screen(
            ConfirmDialog(
                t("finding.discard.title", count=len(self.photos)),
                t("finding.discard.body", count=len(self.photos)),
                yes=t("finding.discard.yes"),
                no=t("finding.discard.no"),
                id=DISCARD_DIALOG_ID,
                safe_default=True,  # Enter goes back to the form; discarding takes y
            ),
            self.discard_answered,
        )

    def quit_warning(self) -> str:
        """A new failure's hazard is withdrawn on quit, as by Cancel; a finding recorded
        before loses only what was typed."""
        if self.new and self.before is not None:
            return t("finding.quit_withdrawn_restored", code=self.item.code)
        if self.new:
            return t("finding.quit_withdrawn", code=self.item.code)
        return super().quit_warning()

    def keep_before_quit(self) -> None:
        """The app quits: a failure nobody saved is taken back, as Cancel does."""
        try:
            if self.new:
                withdraw_failure(self.inspection_id, self.item.code, self.before)
            else:
                self.put_back()
        except inspections.ReadOnly:  # submitted elsewhere meanwhile: nothing to take back
            return

    def withdraw(self) -> None:
        withdraw_failure(self.inspection_id, self.item.code, self.before)
        self.dismiss(False)

    def put_back(self) -> None:
        """A failure given again over a finding recorded before: its failed answer back."""
        if self.before is not None:
            put_back_failure(self.inspection_id, self.item.code, self.before)
