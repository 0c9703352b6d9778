"""Dialogs of the follow-ups screen: a reading (temperature and symptoms), and one value
asked for a case or a plan (a reference number, an outcome, a cadence). Each dismisses
with what was entered, or None when cancelled; the screen saves it in a worker. Their
foot is the other dialogs' (widgets/dialog_foot.py): buttons worded as the footer's keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from fieldapp.domain.followups import (
    FEVER_ABOVE,
    HEALTH_FORM,
    PLAUSIBLE,
    answers_problem,
    fever_denied,
    typed_answers,
)
from fieldapp.i18n import t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import AsksBeforeDiscarding, HoldsTyped
from fieldapp.tui.dialogs.saving import SAVES_WITH_CTRL_S
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.said_problems import Refused, SaidProblems

# The most lines a choice's open list takes (people.tcss gives these dialogs' SelectOverlay
# this max-height); it scrolls past that.
LIST_LINES = 8


def room_for_list(options: int) -> Static:
    """The empty lines below a choice that is the dialog's last row, where its open list
    is drawn: without them the list covered the dialog's bottom border and ran past it."""
    room = Static(classes="list-room")
    room.styles.height = min(options, LIST_LINES)
    return room


def buttons(name: str) -> ComposeResult:
    """The dialog's foot: Save/OK and Cancel, as its footer names its keys (`name`.save,
    `name`.cancel); a follow-up's form had none, Esc alone closed it."""
    return dialog_foot(
        FormMessage(id=f"{name}-said"),
        (t(f"binding.{name}.save"), f"{name}-save"),
        (t(f"binding.{name}.cancel"), f"{name}-cancel"),
        compact=True,
    )


def fever_denied_words(temperature: str) -> str:
    """Why a fever with 无发热… is not saved, and what to do: the symptom that fits, or the
    temperature checked."""
    return t("reading.fever_denied", temperature=temperature, above=f"{FEVER_ABOVE:g}")


class ReadingDialog(HoldsTyped, ModalScreen[dict[str, str] | None]):
    CSS_PATH = "../screens/people.tcss"
    REFUSED_APP_ACTIONS = SAVES_WITH_CTRL_S
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+s", "save", "Save", id="reading.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="reading.cancel"),
    ]

    def __init__(self, title: str, problem: str = "", answers: dict[str, str] | None = None,
                 *, temperature: bool = True):  # fmt: skip
        super().__init__(classes="followup-dialog")
        self.title_text = title
        self.temperature = temperature  # asked (a temperature check) or optional (a visit)
        self.problem = problem
        self.answers = answers or {}
        self.said = SaidProblems()  # the problems shown, each naming its field
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="person-box"):
            yield Label(self.title_text, classes="dialog-title")
            if self.problem:
                yield Label(self.problem, id="reading-problem")
            # An example, not a value: a grey 36.5 read as the temperature already taken.
            example = "reading.example" if self.temperature else "reading.example.optional"
            with Horizontal(classes="field-row"):
                yield Label(t("reading.temperature"))
                yield Input(value=self.answers.get("FUP-01", ""), placeholder=t(example),
                            id="reading-temperature", compact=True)  # fmt: skip
            with Horizontal(classes="field-row"):
                yield Label(t("reading.symptoms"))
                # No answer until one is chosen: starting on 无发热… saved a reading whose
                # question nobody had answered.
                yield Select(
                    [(t("reading.symptoms.none"), "yes"), (t("reading.symptoms.some"), "no")],
                    value=self.answers.get("FUP-02", Select.NULL),
                    allow_blank=True,
                    prompt=t("ask.choose"),
                    id="reading-symptoms",
                    compact=True,
                )
            yield room_for_list(3)
            yield from buttons("reading")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#reading-temperature", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#reading-save")
    def action_save(self) -> None:
        """Saved, or every problem said at once, each naming its field, in the form's
        order, the cursor in the first (as the incident form): the symptoms' alone left a
        temperature of "abc" unsaid until they were chosen."""
        choice = self.query_one("#reading-symptoms", Select)
        answers = {
            "FUP-01": self.query_one("#reading-temperature", Input).value.strip(),
            "FUP-02": choice.value if isinstance(choice.value, str) else "",
        }
        typed = typed_answers(HEALTH_FORM, answers)
        problems: list[Refused] = []
        optional = () if self.temperature else ("FUP-01",)
        temperature = {"FUP-01": typed["FUP-01"], "FUP-02": "yes"}  # the temperature alone
        if answers_problem(HEALTH_FORM, temperature, optional) is not None:
            low, high = PLAUSIBLE["FUP-01"]
            said = t("reading.invalid", low=f"{low:g}", high=f"{high:g}")
            problems.append(Refused(said, "#reading-temperature"))
        if not answers["FUP-02"]:  # nothing chosen yet: no answer is taken for one
            problems.append(Refused(t("reading.symptoms_first"), "#reading-symptoms"))
        if not problems and fever_denied(typed):  # 38.5 and 无发热…: one of them is wrong
            problems.append(Refused(fever_denied_words(typed["FUP-01"]), "#reading-symptoms"))
        if problems:
            typed_now = {
                "#reading-temperature": self.query_one("#reading-temperature", Input).value,
                "#reading-symptoms": choice.value,
            }
            self.query_one("#reading-said", FormMessage).update(self.said.say(problems, typed_now))
            self.query_one(problems[0].field).focus()
            return
        self.dismiss(answers)

    @on(Input.Changed)
    @on(Select.Changed)
    def _mended(self, event: Input.Changed | Select.Changed) -> None:
        """A problem's line goes once the field it names is changed; the others stay."""
        if (left := self.said.mended(f"#{event.control.id}", event.value)) is not None:
            self.query_one("#reading-said", FormMessage).update(left)

    @on(Button.Pressed, "#reading-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class AskDialog(AsksBeforeDiscarding, ModalScreen[str | None]):
    """One value: typed, or chosen from `choices` ((label, value) pairs). The choice starts
    on the first, or on none when `unanswered` (a check's 是/否, which nobody has answered
    until they choose: saving then asks for a choice). Esc asks first (放弃已填写的内容？)
    once something was typed or chosen: a reason typed was thrown away without a word."""

    CSS_PATH = "../screens/people.tcss"
    REFUSED_APP_ACTIONS = SAVES_WITH_CTRL_S
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+s", "save", "Save", id="ask.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="ask.cancel"),
    ]

    def __init__(
        self,
        title: str,
        label: str,
        choices: list[tuple[str, str]] | None = None,
        *,
        unanswered: bool = False,
        value: str = "",
        check: Callable[[str], str | None] | None = None,
    ):
        super().__init__(classes="followup-dialog")
        self.title_text = title
        self.label = label
        self.choices = choices
        self.unanswered = unanswered
        self.value = value  # what the field starts with (the text or choice being changed)
        # Why a typed text cannot be taken ("。。" says nothing): said under the field, which
        # keeps what was typed, as the service behind the dialog would refuse it.
        self.check = check
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="person-box"):
            yield Label(self.title_text, classes="dialog-title")
            with Horizontal(classes="field-row" if self.choices else "field-row text-row"):
                yield Label(self.label)
                if self.choices:
                    values = [value for _, value in self.choices]
                    start = self.choices[0][1] if not self.unanswered else Select.NULL
                    yield Select(
                        self.choices,
                        value=self.value if self.value in values else start,
                        allow_blank=self.unanswered,
                        prompt=t("ask.choose"),
                        id="ask-choice",
                        compact=True,
                    )
                else:
                    # Bordered, with a placeholder, as the other forms' fields: an empty
                    # compact field looked like no field at all.
                    yield Input(self.value, placeholder=t("ask.type_here"), id="ask-text")
            problem = Static(id="ask-problem", classes="dialog-error")
            problem.display = self.unanswered  # a typed value: shown when saved empty
            yield problem
            if self.choices:
                yield room_for_list(len(self.choices) + self.unanswered)
            yield from buttons("ask")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#ask-choice" if self.choices else "#ask-text").focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#ask-save")
    def action_save(self) -> None:
        if self.choices:
            value = self.query_one("#ask-choice", Select).value
            if isinstance(value, str):
                self.dismiss(value)
            else:  # nothing chosen yet: no answer is taken for one
                self.query_one("#ask-problem", Static).update(t("ask.choose_first"))
                self.query_one("#ask-choice", Select).focus()
        else:
            text = self.query_one("#ask-text", Input).value.strip()
            refused = self.check(text) if text and self.check is not None else None
            if text and refused is None:
                self.dismiss(text)
            else:  # F10 on nothing did nothing: say what is missing
                problem = self.query_one("#ask-problem", Static)
                problem.update(refused or t("ask.type_first", field=self.label))
                problem.display = True
                self.app.bell()

    @on(Button.Pressed, "#ask-cancel")
    def action_cancel(self) -> None:
        self.discard_or_ask()
