"""One checklist item on the inspect screen: what it asks, how to answer, what a failure
means, and the answer it has now. Attributes down (`show`), messages up (the answer field
posts `Input.Submitted`); it never touches the store."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from fieldapp.domain.checklist import Item
from fieldapp.i18n import language, pick, t

VALUE_TYPES = ("number", "text", "date", "choice")

# What a field for each answer type accepts (a date as 2026-11-03, 2026/11/3 or 2026.11.3).
# A number's field takes any key: a letter dropped in silence made 1e5 a 15; the answer
# refuses it with a word instead (`answers.normalize_value`).
_RESTRICT = {"date": r"[0-9\-/.]*"}
# Textual's Input scrolls a page with PageUp/PageDown (and a line with ↑/↓) like any
# scrollable widget; on one line there is nothing to scroll vertically.
_VERTICAL_SCROLL = frozenset({"scroll_up", "scroll_down", "page_up", "page_down"})
# A key with one of these is a command, never typing. A terminal sends alt+x as ESC x, and
# Textual gives that key the character "x": Input typed it (a number field refused it) and
# kept the key from the screen, whose alt+x never acted while the field had focus.
_COMMAND_MODIFIERS = ("alt+", "ctrl+", "super+", "meta+", "hyper+")
# `[` and `]` are the screen's Previous/Next in a number, date or choice field, which has
# no use for them (a choice is typed by its number; one named with a bracket still is);
# a free-text answer may hold brackets, so they are typed there (PageUp/PageDown move).
_ITEM_KEYS = frozenset({"left_square_bracket", "right_square_bracket"})


@dataclass(frozen=True)
class ShownFinding:
    severity: str
    deadline: str
    description: str
    photos: int = 0


@dataclass(frozen=True)
class ShownAnswer:
    outcome: str  # pass | fail | na | value | note
    value: str = ""
    note: str = ""
    photos: int = 0


@dataclass(frozen=True)
class ItemState:
    item: Item
    answer: ShownAnswer | None = None
    finding: ShownFinding | None = None
    read_only: bool = False
    params: Mapping[str, float] = field(default_factory=dict)  # thresholds in force
    # Why it is asked, when the venue decides it ("Asked because of the venue: …"): whole
    # here, where the section line above the card is cut at 80 columns.
    asked_because: str = ""


class AnswerInput(Input):
    """The field for a number, date, text or choice item.

    Like every field, it keeps the printable keys: a letter typed into a number is typed
    (and the answer refused, saying why), never taken as the screen's key. The screen's
    F-key, ctrl and alt alternatives act while it has focus (not the field's own editing
    keys: ctrl+e moves to the end); Tab moves to the card, where the letter keys act.
    """

    answer_type = ""

    async def _on_key(self, event: events.Key) -> None:
        if event.key.startswith(_COMMAND_MODIFIERS) or self._moves(event.key):
            event.prevent_default()  # not typed: on to the screen's and the app's bindings

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """`[` and `]` are not typed here, so the footer offers them (`offered_keys`)."""
        return not self._moves(key) and super().check_consume_key(key, character)

    def _moves(self, key: str) -> bool:
        return key in _ITEM_KEYS and self.answer_type != "text"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """PageUp/PageDown are the screen's Previous/Next here, shown in the footer. The
        field's own page scroll never applies on one line (it passed the key on), but its
        bindings hid the screen's from the footer while the field had focus."""
        if action in _VERTICAL_SCROLL and not self.allow_vertical_scroll:
            return False
        return super().check_action(action, parameters)

    def set_answer_type(self, answer_type: str) -> None:
        self.answer_type = answer_type
        self.restrict = _RESTRICT.get(answer_type)


def _days(days: int) -> str:
    return t("inspect.days_now") if days == 0 else t("inspect.days", count=days)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def guidance(item: Item) -> str:
    """The item's note in the current language (checklists write it as "中文 / English")."""
    zh, _, en = item.note.partition(" / ")
    return pick(zh.strip(), en.strip())


def _option(item: Item, position: int) -> str:
    """An option's text, with the severity it opens when choosing it fails the item."""
    choice = item.option_label(position)
    outcome = item.outcomes[position] if item.outcomes else "pass"
    if outcome == "pass":
        return choice
    return t("inspect.option_outcome", choice=choice, severity=t(f"inspect.severity.{outcome}"))


def fail_rule(item: Item, params: Mapping[str, float]) -> str:
    """`fail_if` as a person reads it: thresholds filled in, `value` left out."""

    def threshold(match: re.Match[str]) -> str:
        value = params.get(match.group(1))
        return match.group(0) if value is None else _number(value)

    rule = re.sub(r"param\.([a-z_][a-z0-9_]*)", threshold, item.fail_if)
    rule = rule.replace("days_since(value)", t("inspect.days_since"))
    return re.sub(r"^value\s*", "", rule)


def answer_type_hint(item: Item, params: Mapping[str, float] | None = None) -> str:
    kind = "whole_number" if item.answer == "number" and item.integer else item.answer  # a count
    if item.fail_if and item.answer in ("number", "date"):
        return t(f"inspect.answer_type.{kind}_rule", rule=fail_rule(item, params or {}))
    if item.answer == "number" and (item.min is not None or item.max is not None):
        low, high = _number(item.min), _number(item.max)
        span = f"≥ {low}" if not high else f"≤ {high}" if not low else f"{low}–{high}"
        return t(f"inspect.answer_type.{kind}_range", range=span)
    if item.answer == "choice":
        choices = " ".join(f"{n}={_option(item, n - 1)}" for n in range(1, len(item.choices) + 1))
        key = "choice_multiple" if item.multiple else "choice"
        return t(f"inspect.answer_type.{key}", choices=choices)
    return t(f"inspect.answer_type.{kind}")


def describe_answer(answer: ShownAnswer | None, item: Item | None = None) -> str:
    if answer is None or answer.outcome == "note":
        return t("inspect.unanswered")
    return t("inspect.current", answer=answer_words(answer.outcome, answer.value, item))


def answer_words(outcome: str, value: str, item: Item | None = None) -> str:
    """An answer as said on the card: "不合格（1）", "5", "合格"."""
    text = t(f"inspect.outcome.{outcome}")
    shown = item.value_label(value) if item is not None else value
    if shown:
        text = shown if outcome == "value" else t("app.aside", text=text, aside=shown)
    return text


class ItemCard(Vertical, can_focus=True):
    """Shows one item. Focusable so the screen's keys work when the field is left (Tab)."""

    # The answer, its field and a refusal are docked at the card's foot, always in sight;
    # what the item asks (its text, how to answer, basis…) scrolls above them in the room
    # left, however long it is (500 characters of an imported item at 80×24).
    DEFAULT_CSS = """
    ItemCard { height: 1fr; padding: 0 1; }
    ItemCard Static { height: auto; }
    ItemCard > #item-body { height: 1fr; scrollbar-size-vertical: 1; }
    ItemCard > #item-foot { height: auto; }
    ItemCard #item-code { text-style: bold; color: $text-accent; }
    ItemCard #item-text { text-style: bold; margin: 1 0; }
    ItemCard #item-basis, ItemCard #item-guidance, ItemCard #item-asked { color: $text-muted; }
    ItemCard #item-answer { margin-top: 1; text-style: bold; max-height: 3; }
    ItemCard #item-answer.-fail { color: $text-error; }
    ItemCard #item-answer.-pass { color: $text-success; }
    ItemCard #item-detail, ItemCard #item-finding { text-wrap: nowrap; text-overflow: ellipsis; }
    ItemCard #item-finding { color: $text-warning; }
    ItemCard #item-message { color: $text-error; max-height: 3; }
    ItemCard AnswerInput { width: 60; max-width: 100%; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="item-body", can_focus=False):
            yield Static(id="item-code")
            yield Static(id="item-text")
            yield Static(id="item-hint")
            yield Static(id="item-on-fail")
            yield Static(id="item-asked")
            yield Static(id="item-guidance")
            yield Static(id="item-basis")
        with Vertical(id="item-foot"):
            yield Static(id="item-answer")
            yield Static(id="item-detail")
            yield Static(id="item-finding")
            yield AnswerInput(placeholder=t("inspect.input_placeholder"), id="answer-input")
            yield Static(id="item-message")

    def watch_has_focus(self, _has_focus: bool) -> None:
        """Nothing to restyle: no rule depends on the card's focus (Textual restyles a
        widget and everything in it when its focus changes: here the card and its 12 lines,
        ~6–10 ms at each move between the card and its answer field)."""

    @property
    def answer_input(self) -> AnswerInput:
        return self.query_one("#answer-input", AnswerInput)

    @property
    def body(self) -> VerticalScroll:
        """What the item says, above the docked field: scrolled by the screen's keys."""
        return self.query_one("#item-body", VerticalScroll)

    @property
    def body_overflows(self) -> bool:
        """Whether what the item says is longer than the room it has (its scrollbar shows)."""
        return self.body.show_vertical_scrollbar

    def scroll_body(self, direction: int) -> None:
        """A page of what the item says up (-1) or down (1), keeping the line read last."""
        body = self.body
        page = max(1, body.scrollable_content_region.height - 1)
        body.scroll_relative(y=direction * page, animate=False)

    def show(self, state: ItemState) -> None:
        item = state.item
        required = t("inspect.required") if item.required else t("inspect.optional")
        self._set("item-code", f"{item.code} · {required}")
        self._set("item-text", pick(item.zh, item.en))
        self._set("item-hint", answer_type_hint(item, state.params))
        if item.can_fail:
            severity = t(f"inspect.severity.{item.severity}")
            on_fail = t("inspect.on_fail", severity=severity, days=_days(item.rectification_days))
        else:
            on_fail = t("inspect.on_fail_none")
        self._set("item-on-fail", on_fail)
        self._set("item-asked", state.asked_because)
        self._set("item-guidance", t("inspect.guidance", note=guidance(item)) if item.note else "")
        basis = item.basis_for(language())
        self._set("item-basis", t("inspect.basis", basis=basis) if basis else "")
        answer_line = self.query_one("#item-answer", Static)
        set_text(answer_line, describe_answer(state.answer, item))
        outcome = state.answer.outcome if state.answer else ""
        answer_line.set_class(outcome == "fail", "-fail")
        answer_line.set_class(outcome in ("pass", "value"), "-pass")
        detail = []
        if state.answer and state.answer.note:
            detail.append(t("inspect.note_line", note=state.answer.note))
        if state.answer and state.answer.photos:
            detail.append(t("inspect.photos_line", count=state.answer.photos))
        self._set("item-detail", " · ".join(detail))
        self._set("item-finding", _finding_line(state.finding))
        field_ = self.answer_input
        is_value = item.answer in VALUE_TYPES
        field_.display = is_value
        field_.value = ""
        field_.set_answer_type(item.answer)
        field_.disabled = state.read_only
        # A choice is shown by its label in the UI's language (typed back, the label names
        # the same option: `domain.answers`); the stored value stays the option itself.
        held = state.answer.value if state.answer and is_value else ""
        field_.value = item.value_label(held) if held and item.answer == "choice" else held
        self.set_message("")
        self.body.scroll_home(animate=False)

    @on(Input.Changed, "#answer-input")
    def _answer_changed(self) -> None:
        """A refusal is about what was entered: it goes once the field is typed into
        (it stayed under a number cleared with ctrl+u and typed again)."""
        self.set_message("")

    def set_message(self, text: str) -> None:
        self._set("item-message", text)  # under the field, docked with it: always in sight

    def _set(self, widget_id: str, text: str) -> None:
        set_text(self.query_one(f"#{widget_id}", Static), text)


def set_text(static: Static, text: str) -> None:
    """Show `text` in `static`, hidden when empty, laying the screen out again only when
    its size may change. The same text again costs nothing (most lines stay as they were
    from one item to the next: severity, basis, the empty finding and message lines), and
    one line that replaces one line of the same room is only repainted."""
    if static.content != text:
        static.update(text, layout=not _same_size(static, text))
    static.display = bool(text)


def _same_size(static: Static, text: str) -> bool:
    """Whether `text` takes the room `static`'s text takes now: both one line that fits
    its width (and, for a widget as wide as its text, equally wide)."""
    old = static.content
    if not (isinstance(old, str) and old and text) or "\n" in old or "\n" in text:
        return False
    if static.styles.width is not None and static.styles.width.is_auto:
        return cell_len(old) == cell_len(text)
    room = static.content_region.width
    return cell_len(old) <= room and cell_len(text) <= room


def _finding_line(finding: ShownFinding | None) -> str:
    """The hazard recorded on the item, with how many photos it has (照片 3 张)."""
    if finding is None:
        return ""
    line = t(
        "inspect.finding_line",
        severity=t(f"inspect.severity.{finding.severity}"),
        deadline=finding.deadline,
        description=finding.description,
    )
    if finding.photos:
        line += " · " + t("inspect.photos_line", count=finding.photos)
    return line
