"""The people registry and follow-ups: the app's half. FieldApp derives from PeopleApp
for F11 (people) and ctrl+t (follow-ups: temperature readings); F3 and F4 are the
incidents'. Both are sections of the one navigation model (switched to, never pushed
twice: `parts.navigation`). The screen is imported when first opened, so start-up does
not pay for it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from fieldapp.tui.parts.navigation import Navigation


class PeopleApp(Navigation):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f11", "people", "People", id="app.people"),
        Binding("ctrl+t", "followups", "Follow-ups", id="app.followups"),
    ]

    def action_people(self) -> None:
        from fieldapp.tui.screens.people import PeopleScreen

        self.go_to(PeopleScreen)

    def action_followups(self) -> None:
        from fieldapp.tui.screens.followups import FollowupsScreen

        self.go_to(FollowupsScreen)
