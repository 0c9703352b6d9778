"""Registering and editing on the people screen: `n` a new household with its first
person, `a` a person added to the household under the cursor, `e`/Enter the person under
the cursor — each in the person dialog (`h`: the household's own fields, in theirs), saved in a thread worker (offline: the outbox
carries it) while the dialog stays open; problems are said in it, with what was typed.

`PeopleEditing` is a base of `PeopleScreen`, which supplies the loaded data, the person
under the cursor and `reload()`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.worker import Worker, WorkerState

from fieldapp.i18n import t
from fieldapp.services.people.registry import HouseholdForm, HouseholdView, MemberForm, MemberView
from fieldapp.tui.dialogs.household import HouseholdDialog
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.messages import SyncRequested
from fieldapp.tui.screens.refused_records import RefusedRecordsScreen

if TYPE_CHECKING:
    from fieldapp.tui.views.people import PeopleData


class PeopleEditing(RefusedRecordsScreen):
    data: PeopleData
    _person_drawn: tuple[object, ...] | None = None  # the person form saved last, as first drawn
    _number_warned: tuple[str, str] | None = None  # the grid and number told of last
    _saving: PersonDialog | None = None  # the dialog whose form is being saved
    _household_drawn: tuple[object, ...] | None = None  # the household form as first drawn

    @dataclass
    class Saved(Message):
        household_id: str
        warnings: tuple[str, ...] = ()  # saved, but the one typing should know
        controlled: tuple[tuple[str, str], ...] = ()  # (id, name) newly 管控对象, no plan

    @dataclass
    class Problems(Message):
        form: HouseholdForm
        new_household: bool
        problems: tuple[str, ...]
        masks: tuple[str, str] = ("", "")  # the held ID number and phone, masked, as hints
        held_name: str = ""  # the person's name as held: the dialog's title keeps it
        wrong: tuple[str, ...] = ()  # where each problem is ("members.0.birth_year")

    if TYPE_CHECKING:
        # Supplied by PeopleScreen (the list); declared for the type checker only.
        def _current(self) -> tuple[HouseholdView, MemberView] | None: ...

        def reload(self) -> None: ...

        def offer_plan(self, member_id: str, name: str) -> None: ...

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

    def action_edit_household(self) -> None:
        current = self._current()
        if current is None:
            self.app.bell()
            return
        self._open_household(_household_form(current[0], MemberForm(name="")))

    def _open_household(self, form: HouseholdForm, problems: tuple[str, ...] = (),
                        wrong: tuple[str, ...] = ()) -> None:  # fmt: skip
        """The household's own fields in their dialog; F10 saves them as `n` created them
        (its checks, one household.upsert op carrying what the edit started from)."""

        def saved(typed: HouseholdForm | None) -> None:
            if typed is not None:
                self._save_household(typed)

        drawn = (form.code, form.building, form.address) if not problems else None
        self._household_drawn = drawn or self._household_drawn
        dialog = HouseholdDialog(
            form, problems=problems, wrong=wrong,
            drawn_before=self._household_drawn if problems else None,
        )  # fmt: skip
        self.app.push_screen(dialog, saved)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-save")
    def _save_household(self, form: HouseholdForm) -> None:
        from fieldapp.domain.personal import PersonalDataLocked
        from fieldapp.services.people import registry
        from fieldapp.store import db

        with db.connection_context():
            try:
                household_id = registry.save_household(form)
            except registry.RegistryInvalid as invalid:
                texts = tuple(p.message for p in invalid.problems)
                wrong = tuple(p.where for p in invalid.problems)
                self.app.call_from_thread(self._open_household, form, texts, wrong)
                return
            except PersonalDataLocked:
                self.app.call_from_thread(self._open_household, form, (t("people.locked"),))
                return
        self.post_message(self.Saved(household_id))

    def _open(
        self,
        form: HouseholdForm,
        *,
        new_household: bool,
        masks: tuple[str, str] = ("", ""),
        problems: tuple[str, ...] = (),
        held_name: str | None = None,
        wrong: tuple[str, ...] = (),
    ) -> None:
        dialog = PersonDialog(
            form,
            grids=list(self.data.grids),
            new_household=new_household,
            masks=masks,
            problems=problems,
            held_name=held_name,
            wrong=wrong,
            # Opened again after a refusal: "typed" means changed from the first form.
            drawn_before=self._person_drawn if problems else None,
            save_with=lambda result: self._save_from(dialog, result),
        )
        self.app.push_screen(dialog)

    def _save_from(self, dialog: PersonDialog, form: HouseholdForm) -> None:
        """F10 in `dialog`: saved in a worker while the dialog stays open."""
        self._saving = dialog
        self._person_drawn = dialog.drawn_values()
        self._save(form, dialog.new_household, dialog.masks, dialog.held_name)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-save")
    def _save(
        self, form: HouseholdForm, new_household: bool, masks: tuple[str, str], held_name: str
    ) -> None:
        from fieldapp.domain.personal import PersonalDataLocked
        from fieldapp.services.followups import plan_end
        from fieldapp.services.people import duplicates, registry
        from fieldapp.store import db

        with db.connection_context():
            try:
                if new_household:
                    self._told_of_other_grids_number(form)
                held = duplicates.held_id_numbers(form)  # before: after, it is held twice
                before = (
                    {i for i, _ in plan_end.unplanned_controlled(form.id)} if form.id else set()
                )
                household_id = registry.save_household(form)
                controlled = tuple((i, name) for i, name in plan_end.unplanned_controlled(
                    household_id) if i not in before)  # fmt: skip
            except registry.RegistryInvalid as invalid:
                texts = tuple(p.message for p in invalid.problems)
                wrong = tuple(p.where for p in invalid.problems)
                self.post_message(
                    self.Problems(form, new_household, texts, masks, held_name, wrong)
                )
                return
            except PersonalDataLocked:
                locked = (t("people.locked"),)
                self.post_message(self.Problems(form, new_household, locked, masks, held_name))
                return
        warnings = tuple(
            t("people.id_number_held", name=h.name, other=h.other, household=h.household)
            for h in held
        )
        self.post_message(self.Saved(household_id, warnings, controlled))

    def _told_of_other_grids_number(self, form: HouseholdForm) -> None:
        """A number carrying another grid's code is said once, with any problems, before
        anything is saved; the same grid and number saved again are taken (the server
        takes any number)."""
        from fieldapp.services.people import household_numbers, registry

        said = household_numbers.other_grids_number(form)
        told = (form.grid_code, form.code.strip())
        if said is None or told == self._number_warned:
            return
        self._number_warned = told
        warning = registry.Problem("household.code", said)
        try:
            registry.checked_household(form)
        except registry.RegistryInvalid as invalid:
            grid = [p for p in invalid.problems if p.where == "grid"]
            rest = [p for p in invalid.problems if p.where != "grid"]
            raise registry.RegistryInvalid([*grid, warning, *rest]) from None  # field order
        raise registry.RegistryInvalid([warning])

    def _saved_from(self) -> PersonDialog | None:
        """The dialog the save was from, while it is still open; forgotten after."""
        dialog, self._saving = self._saving, None
        return dialog if dialog is not None and dialog.is_attached else None

    @on(Problems)
    async def _problems(self, event: Problems) -> None:
        if (dialog := self._saved_from()) is not None:  # said in it, nothing typed lost
            await dialog.refused(event.problems, event.wrong)
            return
        self._open(
            event.form,
            new_household=event.new_household,
            masks=event.masks,  # an edit opened again still says what an empty field keeps
            problems=event.problems,
            held_name=event.held_name,
            wrong=event.wrong,
        )

    @on(Worker.StateChanged)
    def _save_failed(self, event: Worker.StateChanged) -> None:
        """A save that failed (said by the app) leaves its dialog open, no longer saving."""
        failed = event.state is WorkerState.ERROR and event.worker.group == "people-save"
        if failed and (dialog := self._saved_from()) is not None:
            dialog.save_failed()

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        if (dialog := self._saved_from()) is not None:
            dialog.close_saved()
        # Sent now when online (a controlled person's change reaches the grid head at
        # once), not at the next background sync.
        self.app.post_message(SyncRequested("household.upsert"))
        self.notify(t("people.saved"))
        for warning in event.warnings:
            self.notify(warning, severity="warning", timeout=20)
        self.reload()
        if event.controlled:  # tagged 管控对象 just now: 14 days, two checks, a team
            self.offer_plan(*event.controlled[0])


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
