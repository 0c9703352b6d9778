"""People (F11): the registry of my grids — households and their members, masked.

A table of people (name, groups, household, ID number and phone masked) searched as you
type; the household of the person under the cursor below it. `n` registers a new
household with its first person, `a` adds a person to the household under the cursor,
`e` edits the person; supervisors may reveal an ID number (`v`) or phone (`p`), which
is audited before the clear value is shown (for a few seconds, in a notification). All
reading and saving runs in thread workers; saving works offline (the outbox carries it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Header, Input, Static

from fieldapp.domain.followups import CADENCES
from fieldapp.i18n import t
from fieldapp.services.people.duplicates import DuplicatePair
from fieldapp.services.people.registry import HouseholdForm, HouseholdView, MemberForm, MemberView
from fieldapp.tui.dialogs.duplicates import DuplicatesDialog
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.screens import FieldScreen
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.paged_table import selected_key

REVEAL_SECONDS = 8
# Fixed widths: CJK names and masks fit, and the table fits 80 columns but for the date.
COLUMNS = (("name", 8), ("tags", 14), ("household", 12), ("id_number", 18), ("phone", 11),
           ("arrived", 10))  # fmt: skip
TYPING_KEYS = frozenset(
    {
        "new_household",
        "add_person",
        "edit_person",
        "reveal_id",
        "reveal_phone",
        "duplicates",
        "plan",
    }  # fmt: skip
)


@dataclass(frozen=True)
class PeopleData:
    households: tuple[HouseholdView, ...]
    grids: tuple[tuple[str, str], ...]  # (name, code) of my grids and those under them
    may_reveal: bool


def load_people(query: str) -> PeopleData:
    from fieldapp.services.people import registry, reveal
    from fieldapp.tui.screens.find_venue import grid_choices

    return PeopleData(tuple(registry.households(query)), tuple(grid_choices()), reveal.may_reveal())


class PeopleScreen(FieldScreen[None]):
    PLACE = "binding.app.people"
    SECTION = True
    CSS_PATH = "people.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_household", "New household", id="people.new"),
        Binding("a", "add_person", "Add person", id="people.add"),
        Binding("e,enter", "edit_person", "Edit", id="people.edit"),
        Binding("v", "reveal_id", "Show ID no.", id="people.reveal_id"),
        Binding("p", "reveal_phone", "Show phone", id="people.reveal_phone"),
        Binding("m", "duplicates", "Duplicates", id="people.duplicates"),
        Binding("f", "plan", "Follow-up plan", id="people.plan"),
        Binding("slash", "focus_search", "Search", id="people.search", show=False),
        Binding("escape", "back", "Back", id="people.back"),
    ]

    @dataclass
    class Loaded(Message):
        data: PeopleData

    @dataclass
    class Saved(Message):
        household_id: str

    @dataclass
    class Problems(Message):
        form: HouseholdForm
        new_household: bool
        problems: tuple[str, ...]

    @dataclass
    class Revealed(Message):
        name: str
        value: str

    @dataclass
    class Refused(Message):
        text: str

    @dataclass
    class Notice(Message):
        text: str

    def __init__(self) -> None:
        super().__init__(id="people")
        self.data = PeopleData((), (), False)
        self.members: dict[str, tuple[HouseholdView, MemberView]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=t("people.search"), id="people-search")
        yield DataTable(id="people-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="people-household")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("people.subtitle")
        table = self.query_one("#people-table", DataTable)
        for key, width in COLUMNS:
            table.add_column(t(f"people.col.{key}"), key=key, width=width)
        table.focus()
        self._load("")

    async def relabel(self) -> None:
        await super().relabel()
        self.on_mount()

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

    @on(Input.Submitted, "#people-search")
    def _to_table(self) -> None:
        self.query_one("#people-table", DataTable).focus()

    def action_focus_search(self) -> None:
        self.query_one("#people-search", Input).focus()

    def focus_section(self) -> None:
        """F11 again while here: back to the search field."""
        self.action_focus_search()

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-load")
    def _load(self, query: str) -> None:
        from fieldapp.store import db

        with db.connection_context():
            data = load_people(query)
        self.post_message(self.Loaded(data))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        self.data = event.data
        self.refresh_bindings()
        table = self.query_one("#people-table", DataTable)
        keep = selected_key(table)
        table.clear()
        self.members = {}
        for household in event.data.households:
            label = " ".join(x for x in (household.building, household.code) if x) or "-"
            for member in household.members:
                self.members[member.id] = (household, member)
                table.add_row(
                    member.name,
                    "、".join(t(f"tag.{tag}") for tag in member.tags),
                    label,
                    member.id_number,
                    member.phone,
                    member.arrived_on.isoformat() if member.arrived_on else "",
                    key=member.id,
                )
        if keep in self.members:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_household()

    @on(DataTable.RowHighlighted, "#people-table")
    def _highlighted(self) -> None:
        self._show_household()

    def _current(self) -> tuple[HouseholdView, MemberView] | None:
        key = selected_key(self.query_one("#people-table", DataTable))
        return self.members.get(key) if key else None

    def _show_household(self) -> None:
        current = self._current()
        box = self.query_one("#people-household", Static)
        if current is None:
            box.update(t("people.empty") if not self.members else "")
            return
        household, _member = current
        plates = "、".join(plate for _id, plate, _kind in household.vehicles) or "-"
        box.update(
            t(
                "people.household",
                code=household.code or "-",
                building=household.building or "-",
                address=household.address or "-",
                grid=household.grid_code,
                count=len(household.members),
                plates=plates,
            )
        )

    # -- registering and editing -------------------------------------------------------

    def action_new_household(self) -> None:
        grids = list(self.data.grids)
        form = HouseholdForm(grid_code=grids[0][1] if len(grids) == 1 else "")
        self._open(form, new_household=True)

    def action_add_person(self) -> None:
        current = self._current()
        if current is None:
            self.app.bell()
            return
        self._open(_household_form(current[0], MemberForm(name="")), new_household=False)

    def action_edit_person(self) -> None:
        current = self._current()
        if current is None:
            self.app.bell()
            return
        household, m = current
        member = MemberForm(
            id=m.id,
            name=m.name,
            sex=m.sex,
            birth_year=str(m.birth_year or ""),
            tags=m.tags,
            arrived_on=m.arrived_on.isoformat() if m.arrived_on else "",
            left_on=m.left_on.isoformat() if m.left_on else "",
            note=m.note,
        )
        masks = (m.id_number, m.phone)
        self._open(_household_form(household, member), new_household=False, masks=masks)

    def _open(
        self,
        form: HouseholdForm,
        *,
        new_household: bool,
        masks: tuple[str, str] = ("", ""),
        problems: tuple[str, ...] = (),
    ) -> None:
        def done(result: HouseholdForm | None) -> None:
            if result is not None:
                self._save(result, new_household, masks)

        dialog = PersonDialog(
            form,
            grids=list(self.data.grids),
            new_household=new_household,
            masks=masks,
            problems=problems,
        )
        self.app.push_screen(dialog, done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-save")
    def _save(self, form: HouseholdForm, new_household: bool, masks: tuple[str, str]) -> None:
        from fieldapp.domain.personal import PersonalDataLocked
        from fieldapp.services.people import registry
        from fieldapp.store import db

        with db.connection_context():
            try:
                household_id = registry.save_household(form)
            except registry.RegistryInvalid as invalid:
                texts = tuple(p.message for p in invalid.problems)
                self.post_message(self.Problems(form, new_household, texts))
                return
            except PersonalDataLocked:
                self.post_message(self.Problems(form, new_household, (t("people.locked"),)))
                return
        self.post_message(self.Saved(household_id))

    @on(Problems)
    def _problems(self, event: Problems) -> None:
        self._open(event.form, new_household=event.new_household, problems=event.problems)

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        self.notify(t("people.saved"))
        self._load(self.query_one("#people-search", Input).value)

    # -- revealing ---------------------------------------------------------------------

    def action_reveal_id(self) -> None:
        self._reveal("id_number")

    def action_reveal_phone(self) -> None:
        self._reveal("phone")

    def _reveal(self, field: str) -> None:
        current = self._current()
        if current is None:
            self.app.bell()
            return
        self._reveal_worker(current[1].id, current[1].name, field)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-reveal")
    def _reveal_worker(self, member_id: str, name: str, field: str) -> None:
        from fieldapp.domain.personal import PersonalDataLocked
        from fieldapp.services.people import reveal
        from fieldapp.store import db

        with db.connection_context():
            try:
                value = reveal.reveal(member_id, field)
            except reveal.RevealRefused:
                self.post_message(self.Refused(t("people.reveal_refused")))
                return
            except PersonalDataLocked:
                self.post_message(self.Refused(t("people.locked")))
                return
        self.post_message(self.Revealed(name, value))

    @on(Revealed)
    def _revealed(self, event: Revealed) -> None:
        self.notify(
            t("people.revealed", name=event.name, value=event.value or "-"),
            timeout=REVEAL_SECONDS,
        )

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        self.notify(event.text, severity="warning", timeout=10)

    @on(Notice)
    def _notice(self, event: Notice) -> None:
        self.notify(event.text)

    # -- follow-up plans -----------------------------------------------------------------

    def action_plan(self) -> None:
        current = self._current()
        if current is None:
            self.app.bell()
            return
        member = current[1]
        choices = [(t(f"plan.cadence.{c}"), c) for c in CADENCES]
        dialog = AskDialog(t("plan.title", name=member.name), t("plan.cadence"), choices)

        def chosen(cadence: str | None) -> None:
            if cadence:
                self._plan_worker(member.id, member.name, cadence)

        self.app.push_screen(dialog, chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-plan")
    def _plan_worker(self, member_id: str, name: str, cadence: str) -> None:
        from fieldapp.services.followups import plans
        from fieldapp.store import db

        with db.connection_context():
            plans.create_plan(member_id, cadence=cadence)
        self.post_message(self.Notice(t("plan.created", name=name)))

    # -- duplicates --------------------------------------------------------------------

    @dataclass
    class Duplicates(Message):
        pairs: list[DuplicatePair]

    def action_duplicates(self) -> None:
        self._duplicates_worker(None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-merge")
    def _duplicates_worker(self, merge: tuple[str, str] | None) -> None:
        from fieldapp.services.people import duplicates
        from fieldapp.store import db

        with db.connection_context():
            if merge is not None:
                duplicates.merge(*merge)
            pairs = duplicates.duplicates()
        if merge is not None:
            self.post_message(self.Saved(""))
        self.post_message(self.Duplicates(pairs))

    @on(Duplicates)
    def _show_duplicates(self, event: Duplicates) -> None:
        def chosen(pair: tuple[str, str] | None) -> None:
            if pair is not None:
                self._duplicates_worker(pair)

        self.app.push_screen(DuplicatesDialog(event.pairs), chosen)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()


def _household_form(household: HouseholdView, member: MemberForm) -> HouseholdForm:
    """The household as held, with one person to save (the others are kept as they are)."""
    form = HouseholdForm(
        grid_code=household.grid_code,
        id=household.id,
        code=household.code,
        building=household.building,
        address=household.address,
        venue_id=household.venue_id,
        note=household.note,
    )
    return replace(form, members=[member])
