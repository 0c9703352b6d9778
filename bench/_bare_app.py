"""The baseline for the cold-start benchmark: a Textual app that shows one Static and
exits as soon as that first screen has been refreshed. It notes the same start-up steps
as fieldapp (imported, ready) in the file FIELDAPP_BENCH_MARKS names."""

from __future__ import annotations

import json
import os
import time

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKS: dict[str, float] = {"imported": time.time()}


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("网格化巡查 / fieldapp")

    def on_mount(self) -> None:
        self.call_after_refresh(self.ready)

    def ready(self) -> None:
        MARKS["ready"] = time.time()
        self.exit()


if __name__ == "__main__":
    BareApp().run()
    if path := os.environ.get("FIELDAPP_BENCH_MARKS"):
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(MARKS, handle)
