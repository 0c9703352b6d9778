"""What else is done to a registered person on the people screen: a supervisor reveals an
ID number (`v`) or phone (`p`) — after saying why, audited before the clear value is shown
in its own cell for a few seconds — and merges duplicates (`m`); follow-up plans (`f`) are
`people_plans.PeoplePlans`'s. Every store call runs in a thread worker.

`PeopleActions` is a base of `PeopleScreen` (after `PeopleEditing`, whose `Saved` message
reloads the list after a merge).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable

from fieldapp.domain.personal import ID_NUMBER_FIELD, PHONE_FIELD
from fieldapp.i18n import t
from fieldapp.services.people.duplicates import DuplicatePair
from fieldapp.services.people.registry import HouseholdView, MemberView
from fieldapp.services.people.reveal import OTHER_PURPOSE
from fieldapp.tui.dialogs.duplicates import DuplicatesDialog
from fieldapp.tui.dialogs.reveal_purpose import RevealPurposeDialog
from fieldapp.tui.screens.people_plans import PeoplePlans

REVEAL_SECONDS = 20  # long enough to read 18 digits out or copy them down


class PeopleActions(PeoplePlans):
    @dataclass
    class Revealed(Message):
        member_id: str
        field: str
        value: str
        purpose: str
        note: str

    @dataclass
    class Refused(Message):
        text: str

    @dataclass
    class Notice(Message):
        text: str

    @dataclass
    class Duplicates(Message):
        pairs: list[DuplicatePair]

    # -- revealing ---------------------------------------------------------------------
    # The clear value replaces the mask in its own cell, not in a notification: a toast
    # belongs to the app and went along to the next screen (F3 showed someone's ID number),
    # where the cell goes with the list. It is masked again after REVEAL_SECONDS, when the
    # cursor leaves the row, when the list is read again, and when anything covers or
    # replaces this screen (another screen, a dialog, the lock).

    # (member id, field, purpose, note) of the number shown in clear
    revealed: tuple[str, str, str, str] | None = None
    _reveal_timer: Timer | None = None
    if TYPE_CHECKING:
        # Supplied by PeopleScreen (the list); declared for the type checker only.
        members: dict[str, tuple[HouseholdView, MemberView]]

        def _show_household(self) -> None: ...

    def action_reveal_id(self) -> None:
        self._reveal(ID_NUMBER_FIELD)

    def action_reveal_phone(self) -> None:
        self._reveal(PHONE_FIELD)

    def _reveal(self, field: str) -> None:
        """Ask why first; Esc there reveals and records nothing."""
        current = self._current()
        if current is None:
            self.app.bell()
            return
        member = current[1]

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer is not None:
                self._reveal_worker(member.id, field, *answer)

        title = t(f"reveal_purpose.title.{field}", name=member.name)
        self.app.push_screen(RevealPurposeDialog(title), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-reveal")
    def _reveal_worker(self, member_id: str, field: str, purpose: str, note: str) -> None:
        from fieldapp.domain.personal import PersonalDataLocked
        from fieldapp.services.people import reveal
        from fieldapp.store import db

        with db.connection_context():
            try:
                value = reveal.reveal(member_id, field, purpose=purpose, note=note)
            except reveal.RevealRefused:
                self.post_message(self.Refused(t("people.reveal_refused")))
                return
            except PersonalDataLocked:
                self.post_message(self.Refused(t("people.locked")))
                return
        self.post_message(self.Revealed(member_id, field, value, purpose, note))

    @on(Revealed)
    def _revealed(self, event: Revealed) -> None:
        if not self.is_current or event.member_id not in self.members:
            return  # left meanwhile: recorded, but not shown where nobody asked
        self.mask_again()
        if not self._set_cell(event.member_id, event.field, Text(event.value or "-", style="bold")):
            return  # the table was rebuilt meanwhile (language, columns): as not shown
        self.revealed = (event.member_id, event.field, event.purpose, event.note)
        self._reveal_timer = self.set_timer(REVEAL_SECONDS, self.mask_again)
        self._show_household()  # lines more under the list: Table keeps its row in view

    def revealed_line(self) -> str:
        """Under the household: whose number is shown in clear, why, and for how long."""
        if self.revealed is None:
            return ""
        member_id, field, purpose, note = self.revealed
        # "Other" says why in its note (its label only asks for one); the others by name.
        why = note if purpose == OTHER_PURPOSE and note else t(f"reveal_purpose.{purpose}")
        return t(
            "people.revealed",
            name=self.members[member_id][1].name,
            what=t(f"people.revealed.{field}"),
            purpose=why,
            seconds=REVEAL_SECONDS,
        )

    def mask_again(self) -> None:
        """The revealed cell shows its mask again (nothing when none is revealed). The
        table may have been rebuilt since (a language switch recomposes the screen, a
        resize changes its columns, a reload or the lock empties it): a rebuilt table
        shows every number masked, so only a cell still there is masked, and none else."""
        if self._reveal_timer is not None:
            self._reveal_timer.stop()
            self._reveal_timer = None
        if self.revealed is None:
            return
        member_id, field, *_why = self.revealed
        self.revealed = None
        member = self.members.get(member_id)
        if member is not None:
            masked = member[1].id_number if field == ID_NUMBER_FIELD else member[1].phone
            self._set_cell(member_id, field, masked)
        self._show_household()

    def _set_cell(self, member_id: str, field: str, value: str | Text) -> bool:
        """`value` into the member's cell of `field`, if the table has that cell now."""
        table = self.query_one("#people-table", DataTable)
        if member_id not in table.rows or field not in table.columns:
            return False
        table.update_cell(member_id, field, value)
        return True

    def on_screen_suspend(self) -> None:
        self.mask_again()

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        self.notify(event.text, severity="warning", timeout=10)

    @on(Notice)
    def _notice(self, event: Notice) -> None:
        self.notify(event.text)

    # -- duplicates --------------------------------------------------------------------

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
