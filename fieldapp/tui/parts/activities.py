"""Scheduled activities: the app's half. FieldApp derives from ActivitiesApp for ctrl+y,
which opens the list of activities due and held. The screen is imported when first
opened, so start-up does not pay for it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType


class ActivitiesApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+y", "activities", "Activities", id="app.activities"),
    ]

    def action_activities(self) -> None:
        from fieldapp.tui.screens.activities import ActivitiesScreen

        if not isinstance(self.screen, ActivitiesScreen):
            self.push_screen(ActivitiesScreen())
