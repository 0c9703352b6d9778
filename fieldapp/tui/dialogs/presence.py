"""Why a venue was chosen by hand instead of scanned: a reason from a list and a note.

The list's cursor starts on the first reason, and the reason highlighted is the one taken:
Enter or Space on it goes on to the note (Enter there, or F10 anywhere, starts the
inspection), F10 takes it as it is (the dialog opened on 标牌缺失 yet refused F10, and
took 标牌损坏 once ↓ had moved there: what was seen was not what was saved).
Dismisses with a `PresenceChoice`, or None on Escape. The note starts empty: a venue code
typed instead of scanned (`code`) is in the title already, and is no explanation for
"other" (a note that only repeats it is refused). The inspection records presence
"manual" with this reason and note.

What the app has to say about the venue so chosen (`said`: a typed code found the venue
but proves no presence) is said in the dialog, above its buttons, not in a toast drawn
over them; a refusal takes its place until mended. So does what a placard scanned while
it is open has to say (`refuse`: a damaged code, a venue not on this device, the placard
of another venue than `venue_id`: most likely the wrong door, so it is said and nothing
switches; Esc and the same scan again open that venue). Esc (or 取消)
with a note typed asks before throwing it away, as the other forms do, and so does a scan
that answers the dialog (`parts.scan_dialogs`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from fieldapp.domain.presence import manual_note_problem
from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings, relabel_binding
from fieldapp.tui.dialogs.discarding import AsksBeforeDiscarding
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.stopping_lists import StoppingOptionList


@dataclass(frozen=True)
class PresenceChoice:
    reason: str
    note: str


class ReasonList(StoppingOptionList):
    """The reasons: the one highlighted is the one chosen; Enter or Space goes on from it;
    ↓ stops at the last. Enter with none highlighted (no reasons) says one is needed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Select", show=False),
    ]

    class NoChoice(Message):
        pass

    def action_select(self) -> None:
        if self.highlighted is None:
            self.post_message(self.NoChoice())
            return
        super().action_select()


class PresenceDialog(AsksBeforeDiscarding, ModalScreen[PresenceChoice | None]):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    TAKES_SCANS = True  # the placard scanned after all answers it (the dialog closes)
    ANY_CHANGE = "*"  # `said_about` a scan: mended by a change to either field
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10", "confirm", "OK", id="presence.confirm"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(
        self,
        venue_label: str,
        reasons: tuple[str, ...],
        *,
        code: str = "",
        texts: str = "presence",
        said: str = "",
        venue_id: str = "",
    ) -> None:
        super().__init__(id="presence-dialog", classes="dialog")
        self.venue_label = venue_label
        self.reasons = reasons
        # The catalogue prefix of the title, hint and OK button: "presence" for a venue,
        # "patrol.manual" for a patrol checkpoint (the reasons and refusals are the same).
        self.texts = texts
        self.code = code  # the venue code typed instead of scanned: not a reason
        self.venue_id = venue_id  # another venue's placard scanned here does not answer
        self.said = said  # about the venue chosen, shown where refusals are when none is
        self.said_about: str | None = None  # the field the refusal names, gone when changed
        localize_bindings(self)
        relabel_binding(self, "presence.confirm", t(f"{texts}.ok"))  # as its OK button

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(t(f"{self.texts}.title", venue=self.venue_label), classes="dialog-title")
            yield Static(t(f"{self.texts}.hint"), classes="dialog-body")
            yield ReasonList(
                *(Option(t(f"presence_reason.{r}"), id=r) for r in self.reasons),
                id="presence-reasons",
            )
            yield Input(placeholder=t("presence.note"), id="presence-note")
            yield from dialog_foot(
                FormMessage(id="presence-error", classes="dialog-error"),
                (t(f"{self.texts}.ok"), "ok"),
                (t("presence.cancel"), "cancel"),
            )
        yield KeyFooter()  # its own keys, not those of the screen below

    def on_mount(self) -> None:
        reasons = self.query_one("#presence-reasons", ReasonList)
        reasons.highlighted = 0 if self.reasons else None  # what F10 and Enter take
        reasons.focus(scroll_visible=False)
        self.query_one("#presence-error", Static).update(self.said)

    @property
    def reason(self) -> str | None:
        """The reason highlighted: what the person sees chosen is what is saved."""
        highlighted = self.query_one("#presence-reasons", ReasonList).highlighted
        return self.reasons[highlighted] if highlighted is not None else None

    def _refuse(self, text: str, field: str) -> None:
        """Say `text` and put the cursor in `field` (its id); it goes once that field changes."""
        self.query_one("#presence-error", Static).update(text)
        self.said_about = field
        self.query_one(f"#{field}").focus()

    def refuse(self, text: str) -> None:
        """What a scan while open says, in the dialog (not in a toast over its buttons);
        it goes once either field changes. The focus stays where the person was."""
        self.query_one("#presence-error", Static).update(text)
        self.said_about = self.ANY_CHANGE

    @on(Input.Changed, "#presence-note")
    @on(OptionList.OptionHighlighted, "#presence-reasons")
    def _mended(self, event: Input.Changed | OptionList.OptionHighlighted) -> None:
        if self.said_about in (event.control.id, self.ANY_CHANGE):
            self.query_one("#presence-error", Static).update(self.said)
            self.said_about = None

    @on(ReasonList.NoChoice)
    def _ask_for_reason(self) -> None:
        self._refuse(t("presence.choose_reason"), "presence-reasons")

    def _finish(self) -> None:
        note = self.query_one("#presence-note", Input).value.strip()
        reason = self.reason
        if reason is None:
            self._ask_for_reason()
            return
        if (problem := manual_note_problem(reason, note, self.code)) is not None:
            self._refuse(problem, "presence-note")
            return
        self.dismiss(PresenceChoice(reason, note))

    @on(OptionList.OptionSelected, "#presence-reasons")
    def _reason_chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter on a reason goes on to the note while it is empty (Enter there starts;
        "other" says there what it needs): it started at once, and the note was never
        seen. A note typed first, or F10, starts from the reason."""
        event.stop()
        note = self.query_one("#presence-note", Input)
        if note.value.strip() or self.reason is None:
            self._finish()
        elif (problem := manual_note_problem(self.reason, "", self.code)) is not None:
            self._refuse(problem, "presence-note")
        else:
            note.focus()

    @on(Input.Submitted, "#presence-note")
    def _note_done(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._finish()
        else:
            self.discard_or_ask()

    def action_confirm(self) -> None:
        self._finish()

    def action_cancel(self) -> None:
        self.discard_or_ask()
