"""Campaigns (专项行动): the app's half. FieldApp derives from CampaignsApp for ctrl+k,
which switches to the campaigns section (which are on, and for a supervisor the switch).
The screen is imported when first opened, so start-up does not pay for it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from fieldapp.tui.parts.navigation import Navigation


class CampaignsApp(Navigation):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+k", "campaigns", "Campaigns", id="app.campaigns"),
    ]

    def action_campaigns(self) -> None:
        from fieldapp.tui.screens.campaigns import CampaignsScreen

        self.go_to(CampaignsScreen)
