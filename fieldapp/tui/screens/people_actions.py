"""What else is done to a registered person on the people screen: a supervisor reveals an
ID number (`v`) or phone (`p`) — audited before the clear value is shown, for a few
seconds, in a notification — and merges duplicates (`m`); anyone in the grid starts a
follow-up plan (`f`). Every store call runs in a thread worker.

`PeopleActions` is a base of `PeopleScreen` (after `PeopleEditing`, whose `Saved` message
reloads the list after a merge).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.message import Message

from fieldapp.domain.followups import CADENCES
from fieldapp.i18n import t
from fieldapp.services.people.duplicates import DuplicatePair
from fieldapp.tui.dialogs.duplicates import DuplicatesDialog
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.screens.people_editing import PeopleEditing

REVEAL_SECONDS = 8


class PeopleActions(PeopleEditing):
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

    @dataclass
    class Duplicates(Message):
        pairs: list[DuplicatePair]

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

    # -- follow-up plans ---------------------------------------------------------------

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
            try:
                plans.create_plan(member_id, cadence=cadence)
            except plans.PlanActive as held:
                self.post_message(self.Refused(str(held)))
                return
        self.post_message(self.Notice(t("plan.created", name=name)))

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
