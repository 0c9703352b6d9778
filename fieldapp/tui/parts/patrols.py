"""Patrols: the app's half. ctrl+g opens the patrols section (due now, attendance); a
placard scanned while a patrol run is open checks in there (see `ScanningApp`). The
screens are imported when first opened."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from fieldapp.tui.parts.navigation import Navigation


class PatrolsApp(Navigation):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "patrols", "Patrols", id="app.patrols"),
    ]

    def action_patrols(self) -> None:
        from fieldapp.tui.screens.patrols import PatrolsScreen

        self.go_to(PatrolsScreen)
