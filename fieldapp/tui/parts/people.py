"""The people registry and follow-ups: the app's half. FieldApp derives from PeopleApp
for F11 (people) and ctrl+t (follow-ups: temperature readings); F3 and F4 are the
incidents'. The screen is imported when
first opened, so start-up does not pay for it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType


class PeopleApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f11", "people", "People", id="app.people"),
        Binding("ctrl+t", "followups", "Follow-ups", id="app.followups"),
    ]

    def action_people(self) -> None:
        from fieldapp.tui.screens.people import PeopleScreen

        if not isinstance(self.screen, PeopleScreen):
            self.push_screen(PeopleScreen())

    def action_followups(self) -> None:
        from fieldapp.tui.screens.followups import FollowupsScreen

        if not isinstance(self.screen, FollowupsScreen):
            self.push_screen(FollowupsScreen())
