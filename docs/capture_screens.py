"""Text captures of the main screens at 80×24, for the README.

    .venv/bin/python docs/capture_screens.py > /tmp/screens.md

Builds a small demo workspace in a temporary directory, drives the real app with Pilot
(as the inspector, then as the supervisor) and prints each screen as the terminal shows
it, in a fenced block under its name.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

SIZE = (80, 24)
INSPECTOR = [
    ("Home (inspector)", []),
    ("Find venue (/)", ["slash", *"鼎美"]),
    (
        "An inspection (/, Enter on a venue, a presence reason)",
        ["slash", *"鼎美", "enter", "down", "enter", "down", "enter", "enter"],
    ),
    ("Rounds (F7)", ["f7"]),
    ("Daily report (F8)", ["f8"]),
    ("Sync (ctrl+F12)", ["ctrl+f12"]),
    ("Report an incident (F4)", ["f4"]),
    ("People (F11)", ["f11"]),
    ("Follow-ups due (ctrl+T)", ["ctrl+t"]),
    ("Patrols (ctrl+G)", ["ctrl+g"]),
    ("Activities (ctrl+Y)", ["ctrl+y"]),
    ("Keys (F1)", ["f1"]),
]
SUPERVISOR = [
    ("Review queue (F5), all active hazards (6)", ["f5", "6"]),
    ("Submitted inspections (F5, i)", ["f5", "i"]),
    ("One inspection, read-only (F5, i, Enter)", ["f5", "i", "enter"]),
    ("Incident queue (F3)", ["f3"]),
    ("Dashboard (F6)", ["f6"]),
    ("Export (ctrl+E)", ["ctrl+e"]),
    ("Campaigns (ctrl+K)", ["ctrl+k"]),
]


async def capture(role: str, walk: list[tuple[str, list[str]]], lang: str = "zh") -> None:
    from fieldapp.i18n import set_language
    from fieldapp.services.demo import workspace as demo
    from fieldapp.tui.app import make_app
    from fieldapp.tui.screens.home import HomeScreen

    demo.act_as(role)
    set_language(lang)
    for title, keys in walk:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            if not isinstance(app.screen, HomeScreen):
                await pilot.press("escape")  # past the offer to resume a draft
            for key in keys:
                await pilot.press(key)
                for _ in range(2):
                    await pilot.pause()
                    await app.workers.wait_for_complete()
            await pilot.pause(0.3)
            lines = [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]
            print(f"{title}:\n\n```\n" + "\n".join(lines) + "\n```\n")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="fieldapp-screens-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        os.environ["FIELDAPP_HOME"] = str(home)
        from fieldapp.paths import store_path
        from fieldapp.services.demo.workspace import build_workspace
        from fieldapp.store.opening import close_store, open_store

        open_store(store_path(home))
        build_workspace(home, venues=120, seed=7)
        try:
            asyncio.run(capture("inspector", INSPECTOR))
            asyncio.run(capture("inspector", [("Home in English (F9)", [])], lang="en"))
            asyncio.run(capture("supervisor", SUPERVISOR))
        finally:
            close_store()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
