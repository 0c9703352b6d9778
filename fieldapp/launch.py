"""The `fieldapp` console script. With no command (or only --lang) it opens the TUI at
once; the click command line (fieldapp.cli) is imported only when a command is given, so
the cold start to the home screen does not pay for it."""

from __future__ import annotations

import sys

LANGS = ("zh", "en")


def tui_language(args: list[str]) -> tuple[bool, str | None]:
    """(whether these arguments only open the TUI, the language they ask for)."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--lang" and args[1] in LANGS:
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--lang=") and args[0][7:] in LANGS:
        return True, args[0][7:]
    return False, None


def main() -> None:
    only_tui, lang = tui_language(sys.argv[1:])
    if only_tui:
        from fieldapp.tui.startup import run_tui

        run_tui(lang=lang)
        return
    from fieldapp.cli import main as command_line

    command_line()
