"""The baseline for the cold-start benchmark: a Textual app that shows one Static and
exits as soon as that first screen has been refreshed."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("网格化巡查 / fieldapp")

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    BareApp().run()
