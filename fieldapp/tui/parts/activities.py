"""Scheduled activities: the app's half. FieldApp derives from ActivitiesApp for ctrl+y,
the list of activities due and held — a section of the one navigation model (switched
to, never pushed twice: `parts.navigation`). The screen is imported when first opened,
so start-up does not pay for it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from fieldapp.tui.parts.navigation import Navigation


class ActivitiesApp(Navigation):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+y", "activities", "Activities", id="app.activities"),
    ]

    def action_activities(self) -> None:
        from fieldapp.tui.screens.activities import ActivitiesScreen

        self.go_to(ActivitiesScreen)
