"""Walk a venue's checklist one item at a time; every answer is committed when given.

The commit (`answer_in_view`) is a small SQLite transaction on the field store (WAL,
synchronous=FULL), run on the UI thread on purpose: answers land in the order keys were
pressed, the failure form gets the finding the commit made, and the next item is shown
only once the previous answer is on disk. The view is updated from the rows written, not
read back, and only what changed is redrawn (`show_item`); `bench/bench_answer.py`
measures key → next item. Photo import runs in a thread worker.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static

from fieldapp.domain.answers import MAX_NUMBER, BadAnswer, normalize_value, proposed_outcome
from fieldapp.domain.checklist import INSTANCE_MARK, Item, instance_of
from fieldapp.i18n import listed, pick, t
from fieldapp.services.inspection import inspection_view, inspections
from fieldapp.services.inspection.failure_withdrawal import PriorAnswer
from fieldapp.services.inspection.inspection_view import InspectionView
from fieldapp.services.inspection.inspections import ReadOnly
from fieldapp.store.storage_full import StorageFull
from fieldapp.tui.screens import FieldScreen, rebuild_in_language
from fieldapp.tui.screens.inspect_extras import ItemExtrasPart
from fieldapp.tui.screens.inspect_hazard_drop import HazardDropPart
from fieldapp.tui.screens.inspect_leaving import LeavingPart
from fieldapp.tui.screens.inspect_navigation import NavigationPart
from fieldapp.tui.screens.inspect_venue import VenueFactsPart
from fieldapp.tui.views.home import campaign_label
from fieldapp.tui.widgets.item_card import (
    VALUE_TYPES,
    ItemCard,
    ItemState,
    ShownAnswer,
    ShownFinding,
    set_text,
)
from fieldapp.tui.widgets.key_footer import KeyFooter

ANSWER_ACTIONS = ("answer", "mark_failed", "note", "photo", "venue_facts")


def item_state(view: InspectionView, item: Item) -> ItemState:
    answer = view.answers.get(item.code)
    finding = view.findings.get(item.code)
    return ItemState(
        item=item,
        answer=ShownAnswer(answer.outcome, answer.value, answer.note, len(answer.photos))
        if answer
        else None,
        finding=ShownFinding(
            finding.severity,
            finding.deadline.isoformat(),
            view.description(finding),
            len(finding.photos),
        )
        if finding
        else None,
        read_only=view.read_only,
        params=view.context.params,
    )


class InspectScreen(
    VenueFactsPart, ItemExtrasPart, HazardDropPart, LeavingPart, NavigationPart, FieldScreen[None]
):
    FOOTER_PINNED = ("inspect.finish",)  # shown in the footer whatever the width
    PLACE = "nav.place.inspection"
    CSS_PATH = "inspect.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('pass')", "Pass", id="inspect.pass"),
        Binding("n", "answer('fail')", "Fail", id="inspect.fail"),
        # Each letter key has an F-key, ctrl or alt twin for a focused value field (letters type
        # there). Not alt+f: a terminal sends ESC f, which Textual reads as ctrl+right.
        Binding("f,ctrl+f", "mark_failed", "Mark failed", id="inspect.mark_failed"),
        Binding("x,alt+x", "answer('na')", "N/A", id="inspect.na"),
        Binding("m,ctrl+n", "note", "Note", id="inspect.note"),
        Binding("a,ctrl+o", "photo", "Photo", id="inspect.photo"),
        Binding("left,pageup,left_square_bracket", "previous", "Previous", id="inspect.previous"),
        Binding("right,pagedown,right_square_bracket", "next", "Next", id="inspect.next"),
        Binding("u", "next_unanswered", "Unanswered", id="inspect.next_unanswered"),
        Binding("v,alt+v", "venue_facts", "Venue", id="inspect.venue_facts"),
        Binding("s,f10", "finish", "Finish", id="inspect.finish"),
        # What an item says scrolls above its docked field; the wheel alone scrolled it.
        # Free in the field too: Input selects with shift+left/right, not shift+up/down.
        Binding("shift+up", "scroll_item(-1)", "Scroll up", id="inspect.scroll_up"),
        Binding("shift+down", "scroll_item(1)", "Scroll down", id="inspect.scroll_down"),
        Binding("escape", "leave", "Back", id="inspect.back"),
    ]

    def __init__(self, inspection_id: str) -> None:
        super().__init__(id="inspect-screen")
        self.inspection_id = inspection_id
        self.view: InspectionView = inspections.load(inspection_id)
        current = self.view.inspection.current_item
        self.code = current if current in self.codes else (self.codes or [current])[0]
        self.fact_names: list[str] = []
        self.facts_line = ""
        self.venue_key_shown = ""
        self._offered_for: tuple[object, ...] = ()  # see show_item

    def incident_venue(self) -> tuple[str, str]:
        """An incident reported from here happened at this venue (id, "name code")."""
        venue = self.view.venue
        return (venue.id, f"{venue.name} {venue.code}")

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="inspect-header"):
            yield Static(id="inspect-venue")
            yield Static(id="inspect-checklist")
        with Horizontal(id="inspect-facts-bar"):
            yield Static(id="inspect-facts")
            yield Static(id="inspect-facts-key")
        with Horizontal(id="inspect-section-bar"):
            yield Static(id="inspect-section")
            yield Static(id="inspect-progress")
        yield Static(id="inspect-notice")
        yield ItemCard(id="item-card")
        yield KeyFooter()

    def on_mount(self) -> None:
        venue, checklist = self.view.venue, self.view.checklist
        self.query_one("#inspect-venue", Static).update(f"{venue.code}  {venue.name}")
        title = f"{pick(checklist.title_zh, checklist.title_en)} v{checklist.version}"
        if self.view.campaigns:
            labels = listed(campaign_label(a.campaign, a.phase) for a in self.view.campaigns)
            title = f"{title} · {t('inspect.campaigns', campaigns=labels)}"
        self.query_one("#inspect-checklist", Static).update(title)
        self.show_facts()
        self.show_item()
        # The scroll keys are offered while the item's text overflows its room: after an
        # item is shown or the terminal resized, once laid out.
        self.watch(
            self.card.body, "show_vertical_scrollbar", self._body_overflow_changed, init=False
        )

    def _body_overflow_changed(self, _overflows: bool) -> None:
        self.refresh_bindings()

    async def relabel(self) -> None:
        """The language changed: the screen in it, on the same item."""
        await rebuild_in_language(self)
        self.on_mount()

    @property
    def venue_label(self) -> str:
        return t("venue.label", name=self.view.venue.name, code=self.view.venue.code)

    @property
    def codes(self) -> list[str]:
        """The items asked now, in order (an answer may show or hide later ones)."""
        return list(self.view.state.visible)

    @property
    def index(self) -> int:
        codes = self.codes
        return codes.index(self.code) if self.code in codes else 0

    @property
    def item(self) -> Item:
        return self.view.checklist.item(self.code)

    @property
    def card(self) -> ItemCard:
        return self.query_one("#item-card", ItemCard)

    def answered_count(self) -> int:
        asked = self.view.state.visible
        return sum(1 for c, a in self.view.answers.items() if a.outcome != "note" and c in asked)

    def show_section(self) -> None:
        item, checklist = self.item, self.view.checklist
        section = checklist.section_of(item.code)
        instance = instance_of(item.code)
        title = t(
            "inspect.section",
            code=f"{section.code}{INSTANCE_MARK}{instance}" if instance else section.code,
            title=pick(section.zh, section.en),
        )
        note = self.section_note(section, item, instance)
        line = self.query_one("#inspect-section", Static)
        line.set_class(self.note_names_key(section), "-names-key")
        set_text(line, f"{title} · {note}" if note else title)

    def show_item(self) -> None:
        item, checklist = self.item, self.view.checklist
        section = checklist.section_of(item.code)
        number = checklist.sections.index(section) + 1
        self.show_section()
        set_text(
            self.query_one("#inspect-progress", Static),
            t(
                "inspect.progress",
                section=number,
                position=self.index + 1,
                total=len(self.codes),
                answered=self.answered_count(),
            ),
        )
        self.show_notice()
        card = self.card
        because = self.asked_because(section, item)  # the line above is cut at 80 columns
        card.show(replace(item_state(self.view, item), asked_because=because))
        value_field = item.answer in VALUE_TYPES and not self.view.read_only
        wanted = card.answer_input if value_field else card
        if self.focused is not wanted:  # now, not on the next message as `focus()` would,
            self.set_focus(wanted)  # which also repaints the whole card, even a focused one
        # What `check_action` decides from; the footer checks its keys only when it changed
        # (a focus move refreshes them by itself), after the frame, and updates them in place.
        offered = (item.answer in VALUE_TYPES, self.view.read_only, tuple(self.fact_names))
        if offered != self._offered_for:
            self._offered_for = offered
            self.refresh_bindings()

    def show_notice(self) -> None:
        """Read only, or every item answered (then the summary is the next step)."""
        text = ""
        if self.view.read_only:
            text = t("inspect.read_only")
        elif self.view.first_unanswered() is None:
            text = self.finished_text()
        set_text(self.query_one("#inspect-notice", Static), text)

    def finished_text(self) -> str:
        """Every item answered: the summary is next, by keys that work where the focus is
        (in the answer field s types a letter; F10 works everywhere)."""
        in_field = self.item.answer in VALUE_TYPES and not self.view.read_only
        key = "inspect.finished.next_in_field" if in_field else "inspect.finished.next"
        return t(key, count=len(self.codes))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "venue_facts" and not self.fact_names:
            return False  # the form reads nothing of the venue: nothing to correct
        if action == "scroll_item":
            return self.card.body_overflows  # the item's text all in sight: nothing to scroll
        if action not in ANSWER_ACTIONS:
            return True
        if self.view.read_only:
            return None  # shown, but disabled
        value_item = self.item.answer in VALUE_TYPES
        if action == "answer" and parameters and parameters[0] in ("pass", "fail"):
            return not value_item
        return True

    # ---------------------------------------------------------------- answers

    def action_answer(self, outcome: str) -> None:
        self.record(outcome, "")

    def action_mark_failed(self) -> None:
        raw = self.card.answer_input.value
        try:
            value = normalize_value(self.item, raw) if raw.strip() else ""
        except BadAnswer:
            value = ""
        self.record("fail", value)

    @on(Input.Submitted, "#answer-input")
    def value_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.view.read_only:
            return
        item = self.item
        raw = event.value
        if item.answer == "choice" and raw.strip().isdigit() and raw.strip() not in item.choices:
            position = int(raw.strip())
            if 1 <= position <= len(item.choices):
                raw = item.choices[position - 1]
        try:
            value = normalize_value(item, raw)
        except BadAnswer as error:
            labels = (item.option_label(n) for n in range(len(item.choices)))
            text = error.said or t(
                f"answer.{error}",
                choices=" / ".join(labels),
                value=error.value,
                max=MAX_NUMBER,
            )
            self.card.set_message(text)
            field = self.card.answer_input
            field.focus()
            field.select_all()  # the next key typed replaces it, never piles onto it
            return
        self.record(proposed_outcome(item, value, self.view.context), value)

    def record(self, outcome: str, value: str) -> None:
        """Commit the answer (asked first when it deletes a recorded hazard), then open the
        finding form for a failure or move on."""
        if self.view.read_only:
            self.explain(t("inspect.read_only"))
            return
        if not self.ask_before_dropping(
            self.item, outcome, value, lambda: self.commit(outcome, value)
        ):
            self.commit(outcome, value)

    def commit(self, outcome: str, value: str) -> None:
        item = self.item
        new = item.code not in self.view.findings
        next_code = self.next_code(self.view.state_with(item.code, outcome, value).visible)
        was_complete = self.view.first_unanswered() is None
        answered = self.view.answers.get(item.code)
        before = PriorAnswer.of(answered) if new else PriorAnswer.failed(answered)
        try:
            self.view, finding = inspections.answer_in_view(
                self.view, item, outcome, value, next_item=next_code
            )
        except ReadOnly:
            self.reload()
            self.explain(t("inspect.read_only"))
            return
        except StorageFull as full:  # not saved: the item stays, to answer again
            self.explain(str(full), severity="error")
            return
        if finding is None:
            self.go_to(next_code, persist=False)
            self.offer_summary(was_complete)
            return
        from fieldapp.tui.dialogs.finding import FindingDialog

        def closed(saved: bool | None) -> None:
            self.reload()
            answer = self.view.answers.get(item.code)
            if answer is None or answer.outcome != "fail":  # cancelled: the fail is undone
                key = "inspect.failure_withdrawn" + ("_restored" if before else "")
                self.notify(t(key, code=item.code))
                self.go_to(item.code, persist=False)
                return
            if not saved and not new:  # cancelled: the failed answer is as it was
                self.go_to(item.code, persist=False)
                return
            self.go_to(next_code, persist=False)
            self.offer_summary(was_complete)

        self.app.push_screen(FindingDialog(finding, item, new=new, before=before), closed)

    def offer_summary(self, was_complete: bool) -> None:
        """The last unanswered item was just answered: say so, and that the summary is the
        next step (the notice above the item keeps saying it). About this screen: the toast
        goes when the summary (or anything else) is opened."""
        if not was_complete and self.view.first_unanswered() is None:
            self.explain(self.finished_text(), severity="information")

    def reload(self) -> None:
        self.view = inspection_view.refresh(self.view)

    # ------------------------------------------------------------ finish, leave

    def action_finish(self) -> None:
        from fieldapp.tui.screens.summary import SummaryScreen

        def closed(submitted: bool | None) -> None:
            if submitted:
                self.go_home()
            else:
                self.reload()
                self.show_item()

        self.app.push_screen(SummaryScreen(self.inspection_id), closed)
