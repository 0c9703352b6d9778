"""People (F11): the registry of my grids — households and their members, masked.

A table of people (name, groups, household, ID number and phone masked) searched as you
type; the household of the person under the cursor below it. The search has the focus on
opening, as its placeholder invites and as F2's has: a name typed at once ("wang") went to
the list's keys (`a` opened 登记人员). Down, Enter or Tab goes to the list, whose keys then
act; `/` (in the footer) goes back to the search; Esc clears a search typed, and with none
leaves. This module loads the list; `b`
narrows it to one cadre's 包保 households. Its bases: the table and the household box are
`people_table.PeopleTable`, registering and editing (`n`, `a`, `e`)
`people_editing.PeopleEditing`, reveals, follow-up plans and merging duplicates (`v`, `p`,
`f`, `m`) `people_actions.PeopleActions`. All reading and saving runs in thread workers;
saving works offline (the outbox carries it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Header, Input, Label, Static

from fieldapp.i18n import t
from fieldapp.services.common.refused_records import RecordRefusal
from fieldapp.services.people.registry import HouseholdView, MemberView
from fieldapp.tui.commands import localize_bindings, relabel_binding
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.screens.people_table import PeopleTable
from fieldapp.tui.screens.refused_records import RefusedRecordsScreen
from fieldapp.tui.sync_pulled import PEOPLE_FEEDS, pulled
from fieldapp.tui.views.people import PeopleData
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.table import Table

TYPING_KEYS = frozenset(
    {
        "new_household",
        "add_person",
        "edit_person",
        "edit_household",
        "reveal_id",
        "reveal_phone",
        "duplicates",
        "plan",
        "cadres",
    }  # fmt: skip
)


class SearchInput(Input):
    """The search field: Down goes to the list, as F2's goes to its results (the footer
    says so while the field has the focus; the list handles Down itself)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "screen.focus_list", "To list", id="people.down_to_list"),
    ]

    def __init__(self, *, placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id)
        localize_bindings(self)


def load_people(query: str, cadre: str = "") -> PeopleData:
    from fieldapp.services.common.refused_records import refusals
    from fieldapp.services.people import registry_reads, responsibilities, reveal
    from fieldapp.store.refused_records import HOUSEHOLD_UPSERT
    from fieldapp.tui.views.find_venue import grid_choices

    listed, count = registry_reads.households_counted(query, cadre=cadre)
    households = tuple(listed)
    return PeopleData(
        households,
        tuple(grid_choices()),
        reveal.may_reveal(),
        tuple(responsibilities.cadres()),
        refusals(HOUSEHOLD_UPSERT, [h.id for h in households]),
        count,
    )


class PeopleScreen(PeopleTable):
    REMOUNT_ON_RELABEL = True
    PLACE = "binding.app.people"
    SECTION = True
    CSS_PATH = "people.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_household", "New household", id="people.new"),
        Binding("a", "add_person", "Add person", id="people.add"),
        Binding("e,enter", "edit_person", "Edit", id="people.edit"),
        Binding("h", "edit_household", "Edit household", id="people.edit_household"),
        Binding("v", "reveal_id", "Show ID no.", id="people.reveal_id"),
        Binding("p", "reveal_phone", "Show phone", id="people.reveal_phone"),
        Binding("m", "duplicates", "Duplicates", id="people.duplicates"),
        Binding("f", "plan", "Follow-up plan", id="people.plan"),
        Binding("b", "cadres", "Cadre assignments", id="people.cadres"),
        Binding("slash", "focus_search", "Search", id="people.search"),
        # r / x on a household the server refused (as in F3): send it again, discard it
        *RefusedRecordsScreen.BINDINGS,
        Binding("escape", "back", "Back", id="people.back"),
    ]
    REFUSED_KIND = "household"

    @dataclass
    class Loaded(Message):
        data: PeopleData
        load: int  # which load read it: only the latest one's is shown

    def __init__(self) -> None:
        super().__init__(id="people")
        self.data = PeopleData((), (), False)
        self.members: dict[str, tuple[HouseholdView, MemberView]] = {}
        self.cadre: tuple[str, str] | None = None  # (person id, name): only their 包保 list
        self.locked = False  # the last load met the device locked
        self.loads = 0  # loads begun: a search typed while one runs begins another
        self.sync_seen: object = None  # the app's last sync outcome this list has met

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchInput(placeholder=t("people.search"), id="people-search")
        yield Table(id="people-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="people-household")
        refusal = Label("", id="people-refusal")
        refusal.display = False  # until the household under the cursor is a refused one
        yield refusal
        yield KeyFooter()

    def on_mount(self) -> None:
        self._subtitle()
        self._add_columns()
        self.query_one("#people-search", Input).focus()
        self.sync_seen = getattr(self.app, "sync_outcome", None)
        self._load("")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in TYPING_KEYS and isinstance(self.focused, Input):
            return False  # letters type into the search field
        if action in ("reveal_id", "reveal_phone", "duplicates"):
            return self.data.may_reveal  # supervisors (and administrators)
        return super().check_action(action, parameters)

    # -- loading -----------------------------------------------------------------------

    @on(Input.Changed, "#people-search")
    def _search(self, event: Input.Changed) -> None:
        self._load(event.value)
        self._label_escape(bool(event.value))

    def _label_escape(self, searching: bool) -> None:
        """The footer says what Esc does: clear the search typed, or leave (the app names
        the place it leaves to)."""
        if searching:
            relabel_binding(self, "people.back", t("people.clear_search"))
            self.refresh_bindings()
        elif label_back := getattr(self.app, "label_back", None):
            label_back()

    @on(Input.Submitted, "#people-search")
    def action_focus_list(self) -> None:
        self.query_one("#people-table", DataTable).focus()

    def reload(self) -> None:
        self._load(self.query_one("#people-search", Input).value)

    def _subtitle(self) -> None:
        """What the list is (everyone, or one cadre's 包保 households) and, once read, how
        many people and households it holds, or a search matched."""
        cadre, count = self.cadre, self.data.count
        if count is None:  # not read yet, or the device locked
            said = t("people.cadre.subtitle", name=cadre[1]) if cadre else t("people.subtitle")
            self.sub_title = said
            return
        counted = {
            "people": t("people.count.people", count=count.people)
            if not count.moved_out
            else t("people.count.people_moved_out", count=count.people, left=count.moved_out),
            "households": t("people.count.households", count=count.households),
        }
        # A search's counts are said as its results: "0 people" alone read as an empty ledger.
        kind = "searched" if self.query_one("#people-search", Input).value.strip() else "counted"
        self.sub_title = (
            t(f"people.cadre.subtitle.{kind}", name=cadre[1], **counted)
            if cadre
            else t(f"people.subtitle.{kind}", **counted)
        )

    def action_cadres(self) -> None:
        """Choose a cadre's 包保 list (or every household again)."""
        choices = [(t("people.cadre.all"), "")] + [
            (t("people.cadre.choice", name=c.name, count=c.households), c.person_id)
            for c in self.data.cadres
        ]
        names = {c.person_id: c.name for c in self.data.cadres}

        def chosen(person_id: str | None) -> None:
            if person_id is None:
                return  # Esc: as it was
            self.cadre = (person_id, names[person_id]) if person_id else None
            self._subtitle()
            self.reload()

        self.app.push_screen(
            AskDialog(t("people.cadre.title"), t("people.cadre.label"), choices), chosen
        )

    def action_focus_search(self) -> None:
        self.query_one("#people-search", Input).focus()

    def focus_section(self) -> None:
        """F11 again while here: back to the search field."""
        self.action_focus_search()

    @dataclass
    class Locked(Message):
        """Names and addresses are sealed at rest and the device is locked."""

    def _load(self, query: str) -> None:
        self.loads += 1
        self._read(query, self.cadre[0] if self.cadre else "", self.loads)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-load")
    def _read(self, query: str, cadre: str, load: int) -> None:
        # A thread cancelled by the next search still runs to its end and posts: the
        # whole list read for a cleared box landed after the search typed next.
        from fieldapp.domain.personal import PersonalDataLocked
        from fieldapp.store import db

        with db.connection_context():
            try:
                data = load_people(query, cadre)
            except PersonalDataLocked:
                self.post_message(self.Locked())
                return
        self.post_message(self.Loaded(data, load))

    @on(Locked)
    def _locked(self) -> None:
        self.mask_again()
        self.locked = True
        self.data = replace(self.data, count=None)  # nothing listed: nothing counted
        self._subtitle()
        self.members = {}
        self.query_one("#people-table", DataTable).clear()
        self.query_one("#people-household", Static).update(t("people.sealed_locked"))

    def on_screen_resume(self) -> None:
        if self.locked:  # the PIN was entered above this screen: read again
            self.reload()
        else:  # a sync ended while a dialog stood over this screen
            self.synced()

    def synced(self) -> None:
        """A sync that pulled households (another device's edits of people) is shown at
        once, the cursor staying on the same person (`_fill_rows` keeps it)."""
        outcome = getattr(self.app, "sync_outcome", None)
        if outcome is None or outcome is self.sync_seen:
            return
        self.sync_seen = outcome
        if pulled(outcome, PEOPLE_FEEDS):
            self.reload()

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        if event.load != self.loads:  # a later search's result is coming
            return
        self.locked = False
        self.data = event.data
        self._subtitle()
        self.refresh_bindings()
        self._fill_rows()

    # -- a household the server refused (`refused_records`) ---------------------------

    def highlighted_refusal(self) -> RecordRefusal | None:
        current = self._current()
        if current is None or not self.query_one("#people-table", DataTable).has_focus:
            return None
        return self.data.refused.get(current[0].id)

    def refused_subject(self) -> str:
        current = self._current()
        if current is None:
            return ""
        household = current[0]
        label = " ".join(x for x in (household.building, household.code) if x) or "-"
        return t("refused.subject.household", household=label, grid=household.grid_code)

    def refusal_acted(self) -> None:
        self.reload()

    def on_descendant_focus(self) -> None:
        """The reason and its keys are for the list alone (not while typing a search)."""
        if self.is_mounted:
            self.show_refusal(self.query_one("#people-refusal", Label))

    def action_back(self) -> None:
        """Esc: a search typed is cleared first (the whole list again, the cursor in it);
        with none, back to where People was opened from."""
        search = self.query_one("#people-search", Input)
        if search.value:
            search.value = ""  # Input.Changed reads the list again
            self.query_one("#people-table", DataTable).focus()
            return
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
